package io.rectify.account;

import java.security.SecureRandom;

/**
 * Initial passwords, read off paper and typed in by hand: {@value #LENGTH} characters from an
 * alphabet without the ones people mistake for each other (0/O/o, 1/l/I/i), always with a letter
 * and a digit.
 */
final class InitialPasswords {

    static final int LENGTH = 12;
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPasswords() {
    }

    static String next() {
        while (true) {
            StringBuilder password = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String text = password.toString();
            if (text.chars().anyMatch(Character::isLetter) && text.chars().anyMatch(Character::isDigit)) {
                return text;
            }
        }
    }
}
