import json
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management.base import BaseCommand, CommandError

from core.audit import checkpoints
from countersign_verify import signing


class Command(BaseCommand):
    help = ("Sign a checkpoint of every audit chain head now (beat does it hourly when "
            "AUDIT_CHECKPOINTS is on); or make a signing key; or print the public key.")

    def add_arguments(self, parser):
        parser.add_argument("--new-key", metavar="FILE",
                            help="write a new Ed25519 private key (PEM, mode 0600) and exit")
        parser.add_argument("--public-key", action="store_true",
                            help="print the configured key's public half (PEM) and exit")
        parser.add_argument("--export", nargs=2, metavar=("KIND", "ID"),
                            help="print one chain with its inclusion proof (JSON) and exit")

    def handle(self, *args, **options):
        if options["new_key"]:
            path = Path(options["new_key"])
            if path.exists():
                raise CommandError(f"{path} exists; not overwriting a key")
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption())
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
            path.write_bytes(pem)
            self.stdout.write(f"wrote {path}; set AUDIT_SIGNING_KEY_FILE={path}")
            return
        if options["public_key"]:
            self.stdout.write(signing.public_pem(checkpoints.public_key()))
            return
        if options["export"]:
            kind, subject_id = options["export"]
            self.stdout.write(json.dumps(checkpoints.export_chain(kind, subject_id), indent=1,
                                         ensure_ascii=False))
            return
        cp = checkpoints.create_checkpoint()
        self.stdout.write(self.style.SUCCESS(
            f"checkpoint {cp.pk}: root {cp.root} over {cp.subjects} chains, {cp.events} events "
            f"up to seq {cp.last_seq}; file {cp.file_name}"))
