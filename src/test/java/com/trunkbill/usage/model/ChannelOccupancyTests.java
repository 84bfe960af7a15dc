package com.trunkbill.usage.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelOccupancyTests {

    private static final LocalDate OCT_1 = LocalDate.parse("2026-10-01");
    private static final LocalDate OCT_2 = LocalDate.parse("2026-10-02");
    private static final LocalDate OCT_3 = LocalDate.parse("2026-10-03");

    private static UsageCall call(String start, String end) {
        return new UsageCall(Instant.parse(start), Instant.parse(end), true, false);
    }

    @Test
    void aCallAcrossMidnightOccupiesBothDaysAndIsInProgressAtMidnight() {
        ChannelOccupancy sweep = new ChannelOccupancy(OCT_1, OCT_2);
        // 23:30 -> 00:45: 30 min on Oct 1, 45 min on Oct 2
        sweep.add(call("2026-10-01T23:30:00Z", "2026-10-02T00:45:00Z"));

        List<DayActivity> days = sweep.finish();

        assertThat(days.get(0)).isEqualTo(new DayActivity(OCT_1, 1, Instant.parse("2026-10-01T23:30:00Z"),
                1_800_000, 1, 1, 0));
        // counted as a call on the day it started only; on Oct 2 the peak of 1 is reached at midnight
        assertThat(days.get(1)).isEqualTo(new DayActivity(OCT_2, 1, Instant.parse("2026-10-02T00:00:00Z"),
                2_700_000, 0, 0, 0));
    }

    @Test
    void callsTouchingEndToStartDoNotOverlap() {
        ChannelOccupancy sweep = new ChannelOccupancy(OCT_1, OCT_1);
        sweep.add(call("2026-10-01T10:00:00Z", "2026-10-01T10:05:00Z"));
        sweep.add(call("2026-10-01T10:05:00Z", "2026-10-01T10:10:00Z"));

        DayActivity day = sweep.finish().get(0);

        assertThat(day.peakConcurrent()).isEqualTo(1);
        assertThat(day.peakAt()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(day.occupiedMillis()).isEqualTo(600_000);
        assertThat(day.calls()).isEqualTo(2);
    }

    @Test
    void thePeakIsTheFirstInstantItWasReached() {
        ChannelOccupancy sweep = new ChannelOccupancy(OCT_1, OCT_1);
        sweep.add(call("2026-10-01T08:00:00Z", "2026-10-01T08:10:00Z"));
        sweep.add(call("2026-10-01T08:05:00Z", "2026-10-01T08:20:00Z")); // 2 at 08:05
        sweep.add(call("2026-10-01T09:00:00Z", "2026-10-01T09:10:00Z"));
        sweep.add(call("2026-10-01T09:01:00Z", "2026-10-01T09:02:00Z")); // 2 again at 09:01, not a new peak

        DayActivity day = sweep.finish().get(0);

        assertThat(day.peakConcurrent()).isEqualTo(2);
        assertThat(day.peakAt()).isEqualTo(Instant.parse("2026-10-01T08:05:00Z"));
        // 10 + 15 + 10 + 1 minutes
        assertThat(day.occupiedMillis()).isEqualTo(36 * 60_000L);
    }

    @Test
    void zeroLengthCallsAndRefusalsOccupyNothingButCountAsCalls() {
        ChannelOccupancy sweep = new ChannelOccupancy(OCT_1, OCT_1);
        sweep.add(new UsageCall(Instant.parse("2026-10-01T10:00:00Z"), Instant.parse("2026-10-01T10:00:00Z"),
                false, false));
        sweep.add(new UsageCall(Instant.parse("2026-10-01T10:00:00Z"), Instant.parse("2026-10-01T10:00:02Z"),
                false, true));

        DayActivity day = sweep.finish().get(0);

        assertThat(day).isEqualTo(new DayActivity(OCT_1, 0, null, 0, 2, 0, 1));
    }

    @Test
    void idleDaysAreReportedAndACallFromBeforeTheRangeOccupiesItsFirstDay() {
        ChannelOccupancy sweep = new ChannelOccupancy(OCT_2, OCT_3);
        // started on Oct 1 (outside the range): not a call of Oct 2, but occupies 00:00-01:00 of it
        sweep.add(call("2026-10-01T20:00:00Z", "2026-10-02T01:00:00Z"));

        List<DayActivity> days = sweep.finish();

        assertThat(days).containsExactly(
                new DayActivity(OCT_2, 1, Instant.parse("2026-10-02T00:00:00Z"), 3_600_000, 0, 0, 0),
                DayActivity.idle(OCT_3));
    }

    @Test
    void aCallEndingExactlyAtMidnightDoesNotTouchTheNextDay() {
        ChannelOccupancy sweep = new ChannelOccupancy(OCT_1, OCT_2);
        sweep.add(call("2026-10-01T23:00:00Z", "2026-10-02T00:00:00Z"));
        sweep.add(call("2026-10-02T00:00:00Z", "2026-10-02T00:01:00Z"));

        List<DayActivity> days = sweep.finish();

        assertThat(days.get(0).occupiedMillis()).isEqualTo(3_600_000);
        assertThat(days.get(1).peakConcurrent()).isEqualTo(1);
        assertThat(days.get(1).occupiedMillis()).isEqualTo(60_000);
    }

    @Test
    void callsOutOfStartOrderAreRefused() {
        ChannelOccupancy sweep = new ChannelOccupancy(OCT_1, OCT_1);
        sweep.add(call("2026-10-01T10:00:00Z", "2026-10-01T10:05:00Z"));

        assertThatThrownBy(() -> sweep.add(call("2026-10-01T09:00:00Z", "2026-10-01T09:05:00Z")))
                .hasMessageContaining("out of start order");
    }

    /** The sweep agrees with a brute-force count at every event instant, over random days. */
    @Test
    void sweepAgreesWithBruteForcePropertyTests() {
        Random random = new Random(20261001);
        Instant base = Instant.parse("2026-10-01T00:00:00Z");
        for (int sample = 0; sample < 1000; sample++) {
            List<UsageCall> calls = new ArrayList<>();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                // starts within 3 days in whole minutes so that ties and midnights happen
                Instant start = base.plusSeconds(60L * random.nextInt(3 * 1440));
                Instant end = start.plusSeconds(60L * random.nextInt(600));
                calls.add(new UsageCall(start, end, random.nextBoolean(), random.nextInt(10) == 0));
            }
            calls.sort(Comparator.comparing(UsageCall::start));
            ChannelOccupancy sweep = new ChannelOccupancy(OCT_1, OCT_3);
            calls.forEach(sweep::add);
            List<DayActivity> days = sweep.finish();
            for (DayActivity day : days) {
                assertThat(day).as("sample %d day %s", sample, day.date()).isEqualTo(bruteForce(calls, day.date()));
            }
        }
    }

    private static DayActivity bruteForce(List<UsageCall> calls, LocalDate day) {
        Instant from = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant to = from.plusSeconds(86_400);
        List<Instant> candidates = new ArrayList<>();
        candidates.add(from);
        calls.forEach(c -> candidates.add(c.start()));
        candidates.sort(Comparator.naturalOrder());
        int peak = 0;
        Instant peakAt = null;
        for (Instant t : candidates) {
            if (t.isBefore(from) || !t.isBefore(to)) {
                continue;
            }
            int concurrent = (int) calls.stream().filter(UsageCall::occupiesChannel)
                    .filter(c -> !c.start().isAfter(t) && c.end().isAfter(t)).count();
            if (concurrent > peak) {
                peak = concurrent;
                peakAt = t;
            }
        }
        long occupied = 0;
        long count = 0;
        long answered = 0;
        long refusals = 0;
        for (UsageCall c : calls) {
            if (c.occupiesChannel()) {
                Instant s = c.start().isBefore(from) ? from : c.start();
                Instant e = c.end().isAfter(to) ? to : c.end();
                if (s.isBefore(e)) {
                    occupied += e.toEpochMilli() - s.toEpochMilli();
                }
            }
            if (!c.start().isBefore(from) && c.start().isBefore(to)) {
                count++;
                answered += c.answered() ? 1 : 0;
                refusals += c.refusal() ? 1 : 0;
            }
        }
        return new DayActivity(day, peak, peakAt, occupied, count, answered, refusals);
    }
}
