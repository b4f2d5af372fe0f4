package org.concordia.project.project.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.concordia.platform.domain.RuleViolationException;
import org.concordia.platform.domain.StandardCodes;

/**
 * How a project is funded: a programme or donor, an amount that is never negative and has at most two decimals,
 * and an ISO 4217 currency.
 */
public record Funding(String programme, BigDecimal amount, String currency) {

    public Funding {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (programme.isBlank() || programme.length() > Limits.PROGRAMME) {
            throw new RuleViolationException(
                    "funding.programme must be 1 to " + Limits.PROGRAMME + " characters", "funding.programme");
        }
        if (amount.signum() < 0) {
            throw new RuleViolationException("funding.amount must not be negative", "funding.amount");
        }
        if (amount.stripTrailingZeros().scale() > Limits.AMOUNT_FRACTION_DIGITS
                || amount.precision() - amount.scale() > Limits.AMOUNT_INTEGER_DIGITS) {
            throw new RuleViolationException(
                    "funding.amount must have at most " + Limits.AMOUNT_INTEGER_DIGITS + " digits before and "
                            + Limits.AMOUNT_FRACTION_DIGITS + " after the decimal point",
                    "funding.amount");
        }
        currency = StandardCodes.normalized(currency);
        if (!StandardCodes.isCurrency(currency)) {
            throw new RuleViolationException(
                    "funding.currency must be an ISO 4217 currency code such as EUR or PLN", "funding.currency");
        }
        programme = programme.strip();
    }
}
