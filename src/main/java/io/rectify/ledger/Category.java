package io.rectify.ledger;

/** An aspect (方面) of the inspection feedback; {@code seq} is its order of first appearance, from 1. */
public record Category(int seq, String title) {
}
