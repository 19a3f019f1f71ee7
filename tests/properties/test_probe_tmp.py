import pytest
from hypothesis.stateful import run_state_machine_as_test
from tests.properties.conftest import machine_settings
from tests.properties.reference import build
from tests.properties.test_properties__demo import DemoMachine


class Unrestricted(DemoMachine):
    def reassign_targets(self, obj, task):
        return self.org.everyone


@pytest.mark.django_db
@pytest.mark.timeout(1500)
def test_probe(personas):
    run_state_machine_as_test(build(Unrestricted, personas), settings=machine_settings())
