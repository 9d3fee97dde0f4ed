"""Makes the certificates of CertificateCheckTests at test time (python3 with `cryptography`).

Usage: make-test-certificates.py FOLDER. Writes CAs, leaves (valid, expired, expiring soon), keys in PKCS#1,
PKCS#8 and SEC1 PEM, an encrypted key, a PKCS#12 file (passphrase "test-pass") and a server certificate
for localhost.
"""
import datetime
import ipaddress
import pathlib
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
now = datetime.datetime.now(datetime.timezone.utc)
day = datetime.timedelta(days=1)
PEM = serialization.Encoding.PEM


def name(text):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def certificate(subject, key, issuer, issuer_key, start, end, ca=False):
    builder = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(start).not_valid_after(end)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), True)
    return builder.sign(issuer_key, hashes.SHA256())


def write(file, data):
    (out / file).write_bytes(data)


ca_key = ec.generate_private_key(ec.SECP256R1())
ca = certificate("Test CA", ca_key, "Test CA", ca_key, now - 365 * day, now + 365 * day, ca=True)
write("ca.pem", ca.public_bytes(PEM))
other_key = ec.generate_private_key(ec.SECP256R1())
other = certificate("Other CA", other_key, "Other CA", other_key, now - day, now + 365 * day, ca=True)
write("other-ca.pem", other.public_bytes(PEM))

rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
write("rsa-pkcs1.key", rsa_key.private_bytes(PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                             serialization.NoEncryption()))
write("rsa-pkcs8.key", rsa_key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
write("rsa-encrypted.key", rsa_key.private_bytes(PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.BestAvailableEncryption(b"test-pass")))
valid = certificate("client", rsa_key, "Test CA", ca_key, now - day, now + 200 * day)
write("valid.pem", valid.public_bytes(PEM))
write("expired.pem", certificate("client", rsa_key, "Test CA", ca_key, now - 30 * day, now - day).public_bytes(PEM))
write("soon.pem", certificate("client", rsa_key, "Test CA", ca_key, now - day, now + 10 * day).public_bytes(PEM))
write("by-other-ca.pem", certificate("client", rsa_key, "Other CA", other_key, now - day, now + 200 * day).public_bytes(PEM))

ec_key = ec.generate_private_key(ec.SECP384R1())
write("ec-sec1.key", ec_key.private_bytes(PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                          serialization.NoEncryption()))
write("ec-pkcs8.key", ec_key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
write("ec.pem", certificate("client-ec", ec_key, "Test CA", ca_key, now - day, now + 200 * day).public_bytes(PEM))

write("client.p12", pkcs12.serialize_key_and_certificates(b"client", rsa_key, valid, [ca],
                                                           serialization.BestAvailableEncryption(b"test-pass")))

# A server certificate for 127.0.0.1 / localhost, for the end-to-end runner test.
server_key = ec.generate_private_key(ec.SECP256R1())
server = (x509.CertificateBuilder().subject_name(name("localhost")).issuer_name(name("Test CA"))
          .public_key(server_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - day).not_valid_after(now + 30 * day)
          .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                      x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
          .sign(ca_key, hashes.SHA256()))
write("server.pem", server.public_bytes(PEM))
write("server.key", server_key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
