package io.datadock.connectors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;

/**
 * A test CA and the certificates it signs (RSA 2048, SHA-256, valid from an hour ago for a day),
 * built with BouncyCastle's ASN.1 classes (bcprov, which core already uses): a server certificate
 * for 127.0.0.1 and localhost, and client certificates whose CN is a database user.
 */
public final class TestCertificates {

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  private static final AlgorithmIdentifier SHA256_RSA =
      new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);

  /** A certificate and its private key. */
  public record Issued(X509Certificate certificate, PrivateKey key) {

    /** The certificate, PEM. */
    public byte[] certificatePem() {
      try {
        return pem("CERTIFICATE", certificate.getEncoded());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The private key, PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public byte[] keyPem() {
      return pem("PRIVATE KEY", key.getEncoded());
    }

    /** The private key, PKCS#8 DER. */
    public byte[] keyDer() {
      return key.getEncoded();
    }

    /** A TLS context presenting this certificate, for a test server. */
    public SSLContext serverTls() {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] secret = "test".toCharArray();
        store.setKeyEntry("server", key, secret, new Certificate[] {certificate});
        KeyManagerFactory keys =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, secret);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException("cannot build a test TLS context", e);
      }
    }
  }

  private final Issued ca;

  private TestCertificates(Issued ca) {
    this.ca = ca;
  }

  /** A new self-signed CA named {@code name}. */
  public static TestCertificates authority(String name) {
    KeyPair pair = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    return new TestCertificates(
        new Issued(
            sign(subject, subject, pair, pair.getPrivate(), true, List.of()), pair.getPrivate()));
  }

  public Issued ca() {
    return ca;
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  public Issued server() {
    return issue(
        "localhost",
        List.of(
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "localhost")));
  }

  /** A client certificate whose CN is {@code user}. */
  public Issued client(String user) {
    return issue(user, List.of());
  }

  private Issued issue(String commonName, List<GeneralName> altNames) {
    KeyPair pair = keyPair();
    X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    return new Issued(
        sign(issuer, new X500Name("CN=" + commonName), pair, ca.key(), false, altNames),
        pair.getPrivate());
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      X500Name issuer,
      X500Name subject,
      KeyPair subjectKeys,
      PrivateKey issuerKey,
      boolean ca,
      List<GeneralName> altNames) {
    try {
      long now = System.currentTimeMillis();
      V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
      tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(SERIAL.incrementAndGet())));
      tbs.setIssuer(issuer);
      tbs.setSubject(subject);
      tbs.setStartDate(new Time(new Date(now - 3_600_000L)));
      tbs.setEndDate(new Time(new Date(now + 86_400_000L)));
      tbs.setSubjectPublicKeyInfo(
          SubjectPublicKeyInfo.getInstance(subjectKeys.getPublic().getEncoded()));
      tbs.setSignature(SHA256_RSA);
      ExtensionsGenerator extensions = new ExtensionsGenerator();
      extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      extensions.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(
              ca
                  ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                  : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      if (!altNames.isEmpty()) {
        extensions.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(altNames.toArray(GeneralName[]::new)));
      }
      tbs.setExtensions(extensions.generate());
      TBSCertificate certificate = tbs.generateTBSCertificate();
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(issuerKey);
      signature.update(certificate.getEncoded(ASN1Encoding.DER));
      ASN1EncodableVector parts = new ASN1EncodableVector();
      parts.add(certificate);
      parts.add(SHA256_RSA);
      parts.add(new DERBitString(signature.sign()));
      byte[] der = new DERSequence(parts).getEncoded(ASN1Encoding.DER);
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a test certificate", e);
    }
  }

  static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    List<String> lines = new ArrayList<>();
    lines.add("-----BEGIN " + type + "-----");
    lines.add(body);
    lines.add("-----END " + type + "-----");
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
  }
}
