package io.rectify.portal.group;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.Consolidator;
import io.rectify.standing.Standings;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The periods the nightly stored, each consolidated as its outputs were (the same {@link Consolidator}, the
 * as-of date of its run) and kept until a job runs again: the sample's period takes about 100-300 ms to
 * consolidate, a page view a few milliseconds once kept (docs/PORTAL.md).
 */
@Component
class StoredPeriods {

    private static final Logger log = LoggerFactory.getLogger(StoredPeriods.class);
    /** Periods kept at once: the latest and the few earlier ones a supervisor looks back at. */
    private static final int KEPT = 3;

    private final Consolidator consolidator;
    private final NightlyRuns runs;
    private final Map<YearMonth, Kept> kept = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<YearMonth, Kept> eldest) {
            return size() > KEPT;
        }
    };

    private record Kept(String execution, PeriodState state) {
    }

    StoredPeriods(Consolidator consolidator, NightlyRuns runs) {
        this.consolidator = consolidator;
        this.runs = runs;
    }

    /** The stored periods, newest first. */
    List<YearMonth> periods() {
        List<YearMonth> periods = new ArrayList<>(consolidator.periods());
        Collections.reverse(periods);
        return periods;
    }

    /** The latest stored period; empty before the first nightly run. */
    Optional<YearMonth> latest() {
        return periods().stream().findFirst();
    }

    /** The period as the stored state shows it now; consolidated again only when a job ran since it was kept. */
    synchronized PeriodState of(YearMonth period) {
        String execution = runs.latestExecution();
        Kept k = kept.get(period);
        if (k == null || !k.execution().equals(execution)) {
            long start = System.nanoTime();
            Consolidation consolidation = consolidator.consolidate(period, runs.asOf(period));
            k = new Kept(execution, new PeriodState(consolidation, Standings.of(consolidation)));
            kept.put(period, k);
            log.info("Consolidated {} for the portal in {} ms", period, (System.nanoTime() - start) / 1_000_000);
        }
        return k.state();
    }
}
