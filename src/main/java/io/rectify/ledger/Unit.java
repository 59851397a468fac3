package io.rectify.ledger;

/** A responsible unit (责任单位) and the supervision group (督查组) that chases it. */
public record Unit(String code, String name, String group, String contact, String phone) {
}
