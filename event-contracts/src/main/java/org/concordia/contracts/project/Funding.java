package org.concordia.contracts.project;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a project is funded.
 *
 * @param programme Funding programme or donor.
 * @param currency ISO 4217 code.
 */
public record Funding(String programme, BigDecimal amount, String currency) {

    public Funding {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }
}
