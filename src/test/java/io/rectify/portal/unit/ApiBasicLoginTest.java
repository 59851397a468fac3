package io.rectify.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.junit.jupiter.api.Test;

/** HTTP Basic on the API remembers a verified password for a few minutes, and nothing else (docs/PORTAL.md). */
class ApiBasicLoginTest extends UnitPortalContext {

    private int check(String username, String password) throws Exception {
        return mvc.perform(multipart("/api/check").file(file(username + ".xlsx", goodReturn("U01", "区发展改革委")))
                .with(httpBasic(username, password))).andReturn().getResponse().getStatus();
    }

    private long logins(String username, String outcome) {
        return audited("LOGIN").stream().filter(line -> line.startsWith(username + "|null|" + outcome)).count();
    }

    @Test
    void aRememberedPasswordIsNoNewLoginButEveryCallIsAudited() throws Exception {
        assertThat(check("office", PASSWORD)).isEqualTo(200);
        assertThat(check("office", PASSWORD)).isEqualTo(200);
        assertThat(check("office", PASSWORD)).isEqualTo(200);

        assertThat(logins("office", "SUCCESS")).isEqualTo(1);
        assertThat(audited("CHECK")).filteredOn(line -> line.startsWith("office|office.xlsx|")).hasSize(3);
    }

    @Test
    void aChangedPasswordIsNotTakenFromMemory() throws Exception {
        String changed = "Zhenggai2025b";
        assertThat(check("U04", PASSWORD)).isEqualTo(403);
        accounts.changePassword("U04", PASSWORD, changed);
        try {
            assertThat(check("U04", PASSWORD)).isEqualTo(401);
            assertThat(check("U04", changed)).as("U04 signed in, refused U01's file").isEqualTo(403);
        } finally {
            accounts.changePassword("U04", changed, PASSWORD);
            accounts.unlock("U04");
        }
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndCountsTowardsTheLock() throws Exception {
        assertThat(check("U05", PASSWORD)).isEqualTo(403);
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(check("U05", "wrong-password")).isEqualTo(401);
            }
            assertThat(logins("U05", "FAILURE")).isEqualTo(5);
            assertThat(accounts.find("U05").orElseThrow().isAccountNonLocked()).isFalse();
            assertThat(check("U05", PASSWORD)).as("the remembered password of a locked account").isEqualTo(401);
        } finally {
            accounts.unlock("U05");
        }
    }
}
