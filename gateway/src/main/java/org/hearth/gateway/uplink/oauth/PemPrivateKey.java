package org.hearth.gateway.uplink.oauth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads an unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}), RSA or EC. */
public final class PemPrivateKey {
    private PemPrivateKey() {}

    /**
     * @throws IllegalArgumentException if the file is not a PKCS#8 RSA or EC key (the message never quotes it)
     * @throws IOException if it cannot be read
     */
    public static PrivateKey read(Path file) throws IOException {
        String pem = Files.readString(file);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PKCS#8 PEM private key (BEGIN PRIVATE KEY)");
        }
        String base64 = pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("private key PEM is not valid base64");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("private key is neither RSA nor EC");
    }
}
