package org.concordia.project.project.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.concordia.platform.web.CurrencyCode;
import org.concordia.project.project.model.Funding;
import org.concordia.project.project.model.Limits;

@Schema(description = "How the project is funded")
record FundingRequest(
        @Schema(
                description = "Funding programme or donor",
                example = "Europejski Fundusz na rzecz Integracji Obywateli Państw Trzecich")
        @NotBlank
        @Size(max = Limits.PROGRAMME, message = "must be at most {max} characters")
        String programme,

        @Schema(description = "Amount, never negative, at most two decimals", example = "250000.00")
        @NotNull
        @DecimalMin("0")
        @Digits(integer = Limits.AMOUNT_INTEGER_DIGITS, fraction = Limits.AMOUNT_FRACTION_DIGITS)
        BigDecimal amount,

        @Schema(description = "ISO 4217 currency code", example = "PLN") @NotBlank @CurrencyCode
        String currency) {

    Funding toModel() {
        return new Funding(programme, amount, currency);
    }
}
