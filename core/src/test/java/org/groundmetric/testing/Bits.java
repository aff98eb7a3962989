package org.groundmetric.testing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short fingerprint of results to the last bit, for tests that pin them across refactorings. */
public final class Bits {
    private Bits() {
    }

    /** The first 16 hex digits of SHA-256 over the bits of every value, row by row. */
    public static String digest(double[]... rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(Long.BYTES);
            for (double[] row : rows) {
                for (double x : row) {
                    buf.clear();
                    buf.putLong(Double.doubleToLongBits(x));
                    sha.update(buf.array());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
