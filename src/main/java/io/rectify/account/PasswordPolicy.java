package io.rectify.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password chosen at the first login (or any later change) must be: at least
 * {@value #MIN_LENGTH} characters, letters and digits, not the account's name. That it is not the
 * initial (current) one is checked against the stored hash by {@link Accounts#changePassword}.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    /** bcrypt reads no more than 72 bytes; a longer password would be cut without anyone knowing. */
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Why {@code password} may not be the new password of {@code username}; empty when it may. */
    static Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("新密码至少需要" + MIN_LENGTH + "个字符。");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("新密码太长：最多" + MAX_BYTES + "个英文字母、数字或符号（一个汉字按3个计）。");
        }
        if (password.codePoints().noneMatch(Character::isLetter) || password.codePoints().noneMatch(Character::isDigit)) {
            return Optional.of("新密码须同时包含字母和数字。");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("新密码不能与账号相同，也不能包含账号。");
        }
        return Optional.empty();
    }
}
