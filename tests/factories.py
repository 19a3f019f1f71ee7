import factory
from factory.django import DjangoModelFactory

from core.org.models import Delegation, Department, Region, Role, RoleAssignment, User


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"dept{n}")
    name = factory.Sequence(lambda n: f"Department {n}")


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"region{n}")
    name = factory.Sequence(lambda n: f"Region {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Faker("name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("pass-word-123")


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.SALESPERSON
    region = None


class DelegationFactory(DjangoModelFactory):
    class Meta:
        model = Delegation

    principal = factory.SubFactory(UserFactory)
    deputy = factory.SubFactory(UserFactory)
    starts_on = factory.Faker("date_this_year")
    ends_on = factory.LazyAttribute(lambda d: d.starts_on)
    kinds = factory.LazyFunction(list)
