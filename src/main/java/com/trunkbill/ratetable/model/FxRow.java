package com.trunkbill.ratetable.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of {@code fx-rates.csv}: one unit of {@code base} is {@code rate} units of {@code quote} on {@code date}. */
public record FxRow(LocalDate date, String base, String quote, BigDecimal rate) {
}
