package io.rectify.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import io.rectify.TempFolderContext;
import io.rectify.account.Accounts;
import io.rectify.ledger.LedgerImporter;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerWorkbookFixture;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal as {@code serve} runs it (a servlet context, Spring Security's filters in front of
 * MockMvc) on a real H2 file database holding the small standard ledger (units U01-U05, groups
 * 第一督查组 to 第三督查组) and its accounts, made by the account part and each given
 * {@link #PASSWORD} as its own password (no forced change), but for what a test resets.
 */
@SpringBootTest(properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@Import(PortalTestContext.CheapBcrypt.class)
public abstract class PortalTestContext extends TempFolderContext {

    /** Every account's password once changed from the initial one. */
    public static final String PASSWORD = "Zhenggai2024";
    public static final String UNIT = "U01";
    public static final String SUPERVISOR = "第一督查组";
    public static final String OFFICE = Accounts.OFFICE;

    /** Real bcrypt at its lowest cost: the accounts are made and signed in to many times. */
    @TestConfiguration
    static class CheapBcrypt {
        @Bean
        @Primary
        PasswordEncoder cheapBcrypt() {
            return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
        }
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected Accounts accounts;
    @Autowired
    private LedgerImporter importer;
    @Autowired
    private LedgerRepository ledgers;

    @BeforeEach
    void ledgerAndAccounts() {
        if (accounts.find(OFFICE).isPresent()) {
            return;
        }
        LedgerWorkbookFixture.standard().writeToMaster(root.resolve("input"));
        importer.importFrom(root.resolve("input/master"));
        accounts.createMissing(ledgers.load()).forEach(a -> accounts.changePassword(a.username(), a.password(), PASSWORD));
    }

    /** Signed in as the account, as it is stored now. */
    protected RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }
}
