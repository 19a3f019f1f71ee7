"""Real services that the fault tests start, break and stop: a private redis-server, a private
PostgreSQL cluster and a Celery worker, each on a port chosen free at run time. Nothing here
touches the machine's shared PostgreSQL (5432) or Redis (6379)."""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.conf import settings

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
PGBOUNCER = shutil.which("pgbouncer") or next(
    (p for p in ("/usr/sbin/pgbouncer", "/usr/local/bin/pgbouncer") if os.path.exists(p)), None)
PG_BIN = next(
    (Path(d) for d in (os.environ.get("PG_BIN", ""), "/usr/local/bin",
                       "/usr/lib/postgresql/15/bin")
     if d and (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists()),
    None,
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_for(predicate, timeout: float, what: str, *, interval: float = 0.1, log=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    detail = ""
    if log is not None:
        detail = f"\n--- log ---\n{Path(log).read_text(errors='replace')[-6000:]}"
    raise TimeoutError(f"timed out after {timeout} s waiting for {what}{detail}")


def database_url() -> str:
    """The test database (pytest-django's test_<name>) as a URL for subprocesses."""
    from urllib.parse import quote

    db = settings.DATABASES["default"]
    auth = quote(db.get("USER") or "postgres", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


def _stop(proc: subprocess.Popen, *, group: bool = False, timeout: float = 15) -> None:
    if proc.poll() is not None:
        if group:
            # The leader is gone (a crash), but its pool children may live on, connected to the
            # test database: they must not outlast the test.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        return
    try:
        if group:
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.terminate()
        proc.wait(timeout=timeout)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        pass
    if proc.poll() is None or group:
        try:
            if group:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)


class RedisServer:
    """redis-server on a free port, no persistence; stop() and start() keep the port."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        assert self.proc is None or self.proc.poll() is not None
        log = (self.workdir / "redis.log").open("ab")
        self.proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=log, stderr=subprocess.STDOUT,
        )
        wait_for(lambda: port_open(self.port) or self.proc.poll() is not None, 15,
                 f"redis-server on port {self.port}")
        if self.proc.poll() is not None:
            raise RuntimeError(f"redis-server exited: {(self.workdir / 'redis.log').read_text()}")

    def stop(self) -> None:
        if self.proc is not None:
            _stop(self.proc)
        wait_for(lambda: not port_open(self.port), 10, f"port {self.port} to close")


class CeleryWorker:
    """`celery -A config worker` (prefork, like production) on a broker, against the test
    database. Its own process group, so that kill() can SIGKILL it with its pool children.

    supervised=True restarts it a second after it exits on its own, as systemd's
    `Restart=always` does in production (docs/DEPLOYMENT.md): kombu's Redis transport can end
    the worker while it closes a connection the broker dropped."""

    def __init__(self, broker_url: str, workdir: Path, *, concurrency: int = 2,
                 env: dict | None = None, supervised: bool = False):
        self.broker_url = broker_url
        self.workdir = workdir
        self.concurrency = concurrency
        self.extra_env = env or {}
        self.proc: subprocess.Popen | None = None
        self.starts = 0
        self.restarts = 0
        self.logs: list[Path] = []
        self.supervised = supervised
        self._stopping = threading.Event()
        self._supervisor: threading.Thread | None = None

    @property
    def log(self) -> Path:
        return self.logs[-1]

    def all_logs(self) -> str:
        return "".join(p.read_text(errors="replace") for p in self.logs if p.exists())

    def start(self, timeout: float = 60) -> None:
        self._spawn()
        log = self.log
        wait_for(lambda: self.proc.poll() is not None or " ready." in log.read_text(
            errors="replace"), timeout, "the Celery worker to start", log=log)
        if self.proc.poll() is not None:
            raise RuntimeError(f"the Celery worker exited with {self.proc.returncode}:\n"
                               f"{log.read_text(errors='replace')[-6000:]}")
        if self.supervised and self._supervisor is None:
            self._stopping.clear()
            self._supervisor = threading.Thread(target=self._supervise, daemon=True)
            self._supervisor.start()

    def _supervise(self) -> None:
        while not self._stopping.wait(0.5):
            proc = self.proc
            if proc is not None and proc.poll() is not None and not self._stopping.wait(1.0):
                # The leader is gone; its pool children go with it before the new one starts.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                self.restarts += 1
                self._spawn()

    def _spawn(self) -> None:
        self.starts += 1
        log = self.workdir / f"worker-{self.starts}.log"
        self.logs.append(log)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": self.broker_url,
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
            "DJANGO_DEBUG": "0",
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
            **self.extra_env,
        }
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=prefork",
                 f"--concurrency={self.concurrency}", "-Q", "celery", "--loglevel=INFO",
                 "--without-mingle", "--without-gossip", "--without-heartbeat",
                 "-n", f"faults-{os.getpid()}-{self.starts}@%h"],
                cwd=settings.BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def children(self) -> list[int]:
        if self.proc is None or self.proc.poll() is not None:
            return []
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        try:
            return [int(p) for p in path.read_text().split()]
        except (OSError, ValueError):
            return []

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once (an OOM kill, a lost node)."""
        self._halt_supervisor()
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        self._halt_supervisor()
        if self.proc is not None:
            _stop(self.proc, group=True)

    def _halt_supervisor(self) -> None:
        self._stopping.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout=10)
            self._supervisor = None


class PgCluster:
    """A private PostgreSQL cluster: initdb under /tmp (owned by the `postgres` user when the
    tests run as root, since initdb/pg_ctl refuse root), trust auth, fsync on, a free port."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="countersign-faults-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.logfile = self.dir / "postgres.log"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            try:
                shutil.chown(self.dir, user="postgres")
            except LookupError as exc:
                shutil.rmtree(self.dir, ignore_errors=True)
                raise RuntimeError("running as root needs a `postgres` user for initdb") from exc

    def url(self, name: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_user, *args], check=True, capture_output=True,
                              text=True, timeout=timeout, cwd=self.dir)

    def _pg_ctl(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        return self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.logfile),
                         "-w", "-t", str(int(timeout)), *args, timeout=timeout + 10)

    def init(self) -> None:
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync")
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.dir}'\nfsync = on\n"
                       "max_connections = 100\n")

    def start(self) -> None:
        self._pg_ctl("start")

    def restart_fast(self) -> None:
        self._pg_ctl("restart", "-m", "fast")

    def create_database(self, name: str) -> None:
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres",
                                dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f'CREATE DATABASE "{name}"')
        finally:
            conn.close()

    def destroy(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._pg_ctl("stop", "-m", "immediate", timeout=30)
        except (subprocess.SubprocessError, OSError):
            pid_file = self.data / "postmaster.pid"
            if pid_file.exists():
                with contextlib.suppress(OSError, ValueError):
                    os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class PgBouncer:
    """PgBouncer in transaction mode in front of a PgCluster, on a free port, with the settings
    docs/RELIABILITY.md recommends for failover (retry a failed server login after 0.2 s, not
    15 s; a client waits at most 5 s for a server connection). Runs as the cluster's user."""

    def __init__(self, cluster: PgCluster, *, pool_size: int = 20, extra: str = ""):
        self.cluster = cluster
        self.port = free_port()
        self.ini = cluster.dir / "pgbouncer.ini"
        self.logfile = cluster.dir / "pgbouncer.log"
        self.pool_size = pool_size
        self.extra = extra
        self.proc: subprocess.Popen | None = None

    @classmethod
    def in_front_of(cls, cluster: PgCluster, *, lock_timeout: str = "10s", **options):
        """Started, with lock_timeout on the role as docs/RELIABILITY.md asks (the app cannot
        send it through PgBouncer). Skips the test where pgbouncer is not installed."""
        import psycopg2
        import pytest

        if PGBOUNCER is None:
            pytest.skip("needs pgbouncer (Debian's package pgbouncer; .ci/run installs it)")
        conn = psycopg2.connect(host="127.0.0.1", port=cluster.port, user="postgres",
                                dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute(f"ALTER ROLE postgres SET lock_timeout = '{lock_timeout}'")
        finally:
            conn.close()
        pooler = cls(cluster, **options)
        pooler.start()
        return pooler

    def url(self, name: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        users = self.cluster.dir / "pgbouncer-users.txt"
        users.write_text('"postgres" ""\n')
        self.ini.write_text(
            "[databases]\n"
            f"* = host=127.0.0.1 port={self.cluster.port}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {users}\n"
            "pool_mode = transaction\n"
            f"default_pool_size = {self.pool_size}\nmax_client_conn = 200\n"
            "server_login_retry = 0.2\nquery_wait_timeout = 5\n"
            f"logfile = {self.logfile}\npidfile = {self.cluster.dir / 'pgbouncer.pid'}\n"
            f"{self.extra}"
        )
        if self.cluster.as_user:
            for path in (users, self.ini):
                shutil.chown(path, user="postgres")
        self.proc = subprocess.Popen([*self.cluster.as_user, PGBOUNCER, str(self.ini)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_for(lambda: port_open(self.port) or self.proc.poll() is not None, 15,
                 f"pgbouncer on port {self.port}")
        if self.proc.poll() is not None:
            log = self.logfile.read_text(errors="replace") if self.logfile.exists() else ""
            raise RuntimeError(f"pgbouncer exited with {self.proc.returncode}:\n{log[-3000:]}")

    def answers(self, name: str = "postgres") -> bool:
        """Whether a query through PgBouncer's pool for database `name` reaches the server now
        (each database has its own pool, and its own server-login retry)."""
        import psycopg2

        try:
            conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres",
                                    dbname=name, connect_timeout=2)
        except psycopg2.Error:
            return False
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT 1")
            return True
        except psycopg2.Error:
            return False
        finally:
            conn.close()

    def stop(self) -> None:
        if self.proc is not None:
            _stop(self.proc)
