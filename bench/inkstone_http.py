"""What the bench scripts share: a cookie- and CSRF-aware HTTP client, a server they start and kill, a PNG maker."""
import http.cookiejar
import os
import re
import signal
import struct
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zlib

ADMIN_EMAIL = "bench-admin@inkstone.test"
ADMIN_PASSWORD = "bench-admin-password-1"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, method, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"User-Agent": "Mozilla/5.0 (X11; Linux) CrashTrials/1.0", **(headers or {})})
        try:
            with self.opener.open(req, timeout=15) as r:
                return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)

    def get(self, path):
        return self.request("GET", path)

    def csrf(self):
        for c in self.jar:
            if c.name == "XSRF-TOKEN":
                return c.value
        self.get("/login")
        for c in self.jar:
            if c.name == "XSRF-TOKEN":
                return c.value
        raise RuntimeError("no CSRF cookie")

    def post(self, path, form):
        form = dict(form)
        form["_csrf"] = self.csrf()
        body = urllib.parse.urlencode(form).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_file(self, path, fields, name, filename, content_type, payload):
        boundary = "----crash" + uuid.uuid4().hex
        parts = []
        fields = dict(fields)
        fields["_csrf"] = self.csrf()
        for k, v in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f'Content-Type: {content_type}\r\n\r\n'.encode() + payload + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(parts), {"Content-Type": "multipart/form-data; boundary=" + boundary})


def png(width, height, seed):
    """A PNG of random pixels from {@code seed}: distinct seeds give distinct files (uploads are deduplicated by content)."""
    import random
    pixels = random.Random(seed)
    raw = b"".join(b"\x00" + pixels.randbytes(width * 3) for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class Server:
    def __init__(self, jar, data_dir, port, db_args, log_path):
        self.jar, self.data_dir, self.port, self.db_args, self.log_path = jar, data_dir, port, db_args, log_path
        self.proc = None

    def start(self):
        env = dict(os.environ, INKSTONE_ADMIN_EMAIL=ADMIN_EMAIL, INKSTONE_ADMIN_PASSWORD=ADMIN_PASSWORD,
                   INKSTONE_SIGNUPS_PER_ADDRESS_HOUR="100000", INKSTONE_PER_ADDRESS_HOURLY="100000")
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(["java", "-Xmx512m", "-jar", self.jar, f"--server.port={self.port}",
                                      f"--inkstone.data-dir={self.data_dir}", *self.db_args],
                                     stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 600  # a loaded 2-core VM can take minutes to start
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/actuator/health/readiness", timeout=2) as r:
                    if r.status == 200:
                        return
            except Exception:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("server exited; see " + self.log_path)
            time.sleep(0.3)
        raise RuntimeError("server did not become ready; see " + self.log_path)

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()




def signed_in(base, email, password):
    """A browser signed in as this account."""
    browser = Browser(base)
    browser.get("/login")
    browser.post("/login", {"email": email, "password": password})
    return browser


def new_creator(base, email, name, handle):
    """Signs up, applies to become a creator (申请入驻), has the admin approve; returns the creator, signed in."""
    applicant = Browser(base)
    applicant.get("/signup")
    applicant.post("/signup", {"email": email, "password": "correct-horse-1", "displayName": name})
    applicant.post("/join", {"accountType": "个人", "displayName": name, "handle": handle, "tagline": name,
                             "channel": "tech", "contact": "微信 x", "agreement": "yes"})
    admin = signed_in(base, ADMIN_EMAIL, ADMIN_PASSWORD)
    for action in re.findall(r'action="(/admin/applications/\d+/approve)"', admin.get("/admin/applications")[1]):
        admin.post(action, {})
    return signed_in(base, email, "correct-horse-1")
