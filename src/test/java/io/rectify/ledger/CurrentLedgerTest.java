package io.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.TempFolderContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A night checks its returns and consolidates with one loading of the current ledger, until another is imported. */
class CurrentLedgerTest extends TempFolderContext {

    @Autowired
    LedgerRepository repository;
    @Autowired
    LedgerVersions versions;

    @Test
    void currentLedgerIsLoadedOnceWhileItsVersionStands() {
        repository.replace(ledger("区财政局"), "current-ledger-1", "整改台账.xlsx", Instant.parse("2024-03-01T00:00:00Z"), null);

        Ledger checked = versions.ledger(Optional.empty());

        assertThat(versions.ledger(repository.currentVersion())).isSameAs(checked);
    }

    @Test
    void ledgerImportedSinceIsLoadedAgain() {
        repository.replace(ledger("区财政局"), "current-ledger-2", "整改台账.xlsx", Instant.parse("2024-03-01T00:00:00Z"), null);
        versions.ledger(Optional.empty());

        repository.replace(ledger("区审计局"), "current-ledger-3", "整改台账.xlsx", Instant.parse("2024-04-01T00:00:00Z"), null);

        assertThat(versions.ledger(Optional.empty()).units()).extracting(Unit::name).containsExactly("区审计局");
    }

    private static Ledger ledger(String unitName) {
        return new Ledger(new LedgerInfo("巡视整改", LocalDate.of(2023, 8, 29), 5), List.of("第一督查组"),
                List.of(new Unit("U01", unitName, "第一督查组", null, null)), List.of(new Category(1, "方面")),
                List.of(), List.of(new Problem("P01", 1, null, "问题")),
                List.of(new Task("P01-01", "P01", "整改措施", "U01", Deadline.on(LocalDate.of(2024, 6, 30)), List.of())));
    }
}
