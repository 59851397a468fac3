package io.rectify.consolidate;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list whose elements are made from their sources each time one is got, and not
 * kept: a consumer that takes each element once holds one at a time (a city's 2,000 receipts).
 */
final class OnDemandList<S, T> extends AbstractList<T> implements RandomAccess {

    private final List<S> sources;
    private final Function<S, T> make;

    OnDemandList(List<S> sources, Function<S, T> make) {
        this.sources = List.copyOf(sources);
        this.make = make;
    }

    @Override
    public T get(int index) {
        return make.apply(sources.get(index));
    }

    @Override
    public int size() {
        return sources.size();
    }
}
