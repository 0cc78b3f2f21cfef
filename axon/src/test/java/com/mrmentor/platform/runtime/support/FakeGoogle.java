package com.mrmentor.platform.runtime.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google's sign-in as the server sees it: a JWKS endpoint ({@code /oauth2/v3/certs}) on a free port of 127.0.0.1
 * publishing a generated RSA-2048 key, and ID tokens minted with it. {@link #idToken} makes a valid token for
 * {@link #CLIENT_ID}; the other methods make the tokens an attacker or a broken client would present.
 */
public final class FakeGoogle implements AutoCloseable {

    /** The OAuth client id the server under test is configured with. */
    public static final String CLIENT_ID = "mentor-platform-test.apps.googleusercontent.com";
    /** The issuer Google writes. */
    public static final String ISSUER = "https://accounts.google.com";
    public static final String JWKS_PATH = "/oauth2/v3/certs";

    private static volatile FakeGoogle shared;

    private final HttpServer server;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile RSAKey signingKey;

    private FakeGoogle() {
        signingKey = newKey("key-" + UUID.randomUUID());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(JWKS_PATH, this::serveKeys);
        server.start();
    }

    /** A new fake on its own port; close it after the test. */
    public static FakeGoogle start() {
        return new FakeGoogle();
    }

    /** The JVM's fake, for the integration tests: started on first call, stopped when the JVM exits. */
    public static FakeGoogle shared() {
        FakeGoogle google = shared;
        if (google == null) {
            synchronized (FakeGoogle.class) {
                google = shared;
                if (google == null) {
                    google = new FakeGoogle();
                    FakeGoogle started = google;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fake-google-stop"));
                    shared = google;
                }
            }
        }
        return google;
    }

    /** Where the keys are published, for {@code platform.security.google.jwks-uri}. */
    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** How many times the key set has been fetched. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /** A valid ID token: right issuer and audience, issued now, expiring in five minutes. */
    public String idToken(String subject, String email, boolean emailVerified, String name) {
        return sign(claims(subject, email, emailVerified, name).build());
    }

    /** A token that expired ten minutes ago (well beyond any allowed clock skew). */
    public String expiredIdToken(String subject, String email) {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return sign(claims(subject, email, true, null)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))
                .build());
    }

    /** A token Google issued to another application. */
    public String idTokenForAudience(String audience, String subject, String email) {
        return sign(claims(subject, email, true, null).audience(audience).build());
    }

    /** A token whose issuer is not Google. */
    public String idTokenFromIssuer(String issuer, String subject, String email) {
        return sign(claims(subject, email, true, null).issuer(issuer).build());
    }

    /** A token signed by a key Google does not publish, under the key id Google does publish. */
    public String idTokenSignedByForeignKey(String subject, String email) {
        RSAKey foreign = newKey(signingKey.getKeyID());
        return sign(claims(subject, email, true, null).build(), foreign);
    }

    /** An unsigned token ({@code alg: none}). */
    public String unsignedIdToken(String subject, String email) {
        return new PlainJWT(claims(subject, email, true, null).build()).serialize();
    }

    /** A token "signed" with HS256 using the public key's bytes as the secret (the algorithm-confusion attack). */
    public String hmacIdTokenWithPublicKey(String subject, String email) {
        try {
            byte[] secret = signingKey.toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(signingKey.getKeyID()).build(), claims(subject, email, true, null).build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid token, to change one before {@link #sign(JWTClaimsSet)}. */
    public JWTClaimsSet.Builder claims(String subject, String email, boolean emailVerified, String name) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("azp", CLIENT_ID)
                .claim("email_verified", emailVerified);
        if (email != null) {
            claims.claim("email", email);
        }
        if (name != null) {
            claims.claim("name", name);
        }
        return claims;
    }

    /** {@code claims} signed RS256 with the published key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** Publishes a new key instead of the old one, as Google does every few days. */
    public void rotateKey() {
        signingKey = newKey("key-" + UUID.randomUUID());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            JWSSigner signer = new RSASSASigner(key);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        try (exchange) {
            jwksRequests.incrementAndGet();
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
