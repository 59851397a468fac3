package io.rectify.template;

import io.rectify.ledger.Unit;
import java.time.YearMonth;
import java.util.Iterator;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the units of the current ledger in ledger order, each as its prefilled template for the
 * period. Opening it fails with {@link TemplateSources.NoLedgerException} when no ledger was imported.
 */
class UnitTemplateReader implements ItemStreamReader<UnitTemplate> {

    private final TemplateSources sources;
    private final YearMonth period;
    private TemplateSources.Basis basis;
    private Iterator<Unit> units;

    UnitTemplateReader(TemplateSources sources, YearMonth period) {
        this.sources = sources;
        this.period = period;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        basis = sources.basis(period);
        units = basis.ledger().units().iterator();
    }

    @Override
    public UnitTemplate read() {
        return units.hasNext() ? sources.template(basis, units.next()) : null;
    }
}
