package com.trunkbill.usage.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened on one trunk (or Freshworks group) on one UTC day, before the day's channel count is known.
 *
 * @param peakConcurrent  the most calls holding a channel at one instant of the day
 * @param peakAt          the first instant that peak was reached; null when the peak is 0
 * @param occupiedMillis  channel-milliseconds held during the day (calls clipped to the day)
 * @param calls           accepted CDRs starting that day, refusals included
 * @param answered        of those, answered ones
 * @param refusals        of those, {@code CHANNEL_LIMIT} refusals
 */
public record DayActivity(LocalDate date, int peakConcurrent, Instant peakAt, long occupiedMillis, long calls,
                          long answered, long refusals) {

    public static DayActivity idle(LocalDate date) {
        return new DayActivity(date, 0, null, 0, 0, 0, 0);
    }
}
