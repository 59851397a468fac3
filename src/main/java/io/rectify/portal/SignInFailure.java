package io.rectify.portal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;

/** Why a sign-in failed, as the login page (its {@code error} parameter) and the API name it. */
enum SignInFailure {

    BAD_CREDENTIALS("bad"),
    LOCKED("locked"),
    DISABLED("disabled");

    private final String code;

    SignInFailure(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static SignInFailure of(AuthenticationException failure) {
        if (failure instanceof LockedException) {
            return LOCKED;
        }
        return failure instanceof DisabledException ? DISABLED : BAD_CREDENTIALS;
    }

    static Optional<SignInFailure> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** What the person is told; {@code lockout} is how long a locked account stays locked. */
    String text(Duration lockout) {
        return switch (this) {
            case BAD_CREDENTIALS -> "账号或密码错误，请重新输入。";
            case LOCKED -> "账号因连续登录失败已被锁定，请" + words(lockout) + "后再试或联系整改办。";
            case DISABLED -> "该账号已停用，请联系整改办。";
        };
    }

    /** 15分钟, 1小时, 1小时30分钟; at least 1分钟. */
    static String words(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        long hours = minutes / 60;
        if (hours == 0) {
            return minutes + "分钟";
        }
        return hours + "小时" + (minutes % 60 == 0 ? "" : minutes % 60 + "分钟");
    }
}
