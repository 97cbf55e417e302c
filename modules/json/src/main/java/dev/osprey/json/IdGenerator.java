package dev.osprey.json;

import java.security.SecureRandom;

/** New executor ids: 22 base58 characters (about 128 random bits), like the reference's ids. */
@FunctionalInterface
public interface IdGenerator {
  String next();

  static IdGenerator base58() {
    final SecureRandom random = new SecureRandom();
    final char[] alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    return () -> {
      final char[] out = new char[22];
      for (int i = 0; i < out.length; i++) {
        out[i] = alphabet[random.nextInt(alphabet.length)];
      }
      return new String(out);
    };
  }
}
