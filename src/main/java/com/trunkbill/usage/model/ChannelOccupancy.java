package com.trunkbill.usage.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The channel-occupancy sweep of one trunk or Freshworks group over a range of UTC days (SPEC §6, §9).
 * Calls are fed in start order and never kept: only the end instants of calls still in progress are held
 * (a min-heap), so a month of one busy trunk streams through in O(n log n) time and O(concurrency) memory.
 * <ul>
 *   <li>A call occupies {@code [start, end)}, clipped to each day it touches: a call across midnight counts
 *       on both days, and is in progress at 00:00 of the second day (its peak may be reached at midnight).</li>
 *   <li>At equal instants ends are processed before starts: a call ending when another starts does not
 *       overlap it.</li>
 *   <li>{@code CHANNEL_LIMIT} refusals and zero-length calls occupy nothing but still count as calls.</li>
 *   <li>Days outside the range are ignored (a call from the day before the range still occupies the first
 *       day of the range).</li>
 * </ul>
 */
public final class ChannelOccupancy {

    private static final long SECONDS_PER_DAY = 86_400L;

    private final LocalDate firstDay;
    /** {@code firstDay} as days after 1970-01-01: a UTC day is 86,400 s of epoch seconds. */
    private final long firstEpochDay;
    private final Instant rangeStart;
    private final Instant rangeEnd;
    private final int[] peak;
    private final Instant[] peakAt;
    private final long[] occupiedMillis;
    private final long[] calls;
    private final long[] answered;
    private final long[] refusals;
    private final PriorityQueue<Instant> ends = new PriorityQueue<>();
    private Instant lastStart;
    /** The next midnight at which the calls in progress must be recorded as the new day's first peak. */
    private Instant nextMidnight;
    private boolean finished;

    public ChannelOccupancy(LocalDate firstDay, LocalDate lastDay) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("day range " + firstDay + ".." + lastDay + " is empty");
        }
        this.firstDay = firstDay;
        this.firstEpochDay = firstDay.toEpochDay();
        this.rangeStart = startOf(firstDay);
        this.rangeEnd = startOf(lastDay.plusDays(1));
        int days = (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        peak = new int[days];
        peakAt = new Instant[days];
        occupiedMillis = new long[days];
        calls = new long[days];
        answered = new long[days];
        refusals = new long[days];
        nextMidnight = rangeStart;
    }

    /** Adds the next call; calls must come in non-decreasing start order. */
    public void add(UsageCall call) {
        if (finished) {
            throw new IllegalStateException("occupancy already finished");
        }
        if (lastStart != null && call.start().isBefore(lastStart)) {
            throw new IllegalArgumentException("calls out of start order: " + call.start() + " after " + lastStart);
        }
        lastStart = call.start();
        int startDay = dayIndex(call.start());
        if (startDay >= 0 && startDay < calls.length) {
            calls[startDay]++;
            if (call.answered()) {
                answered[startDay]++;
            }
            if (call.refusal()) {
                refusals[startDay]++;
            }
        }
        if (!call.occupiesChannel()) {
            return;
        }
        endCallsUpTo(call.start());
        crossMidnightsUpTo(call.start());
        ends.add(call.end());
        recordPeak(call.start(), ends.size());
        addOccupiedTime(call.start(), call.end());
    }

    /** Completes the sweep and returns one activity per day of the range, idle days included. */
    public List<DayActivity> finish() {
        if (!finished) {
            endCallsUpTo(rangeEnd);
            crossMidnightsBefore(rangeEnd);
            finished = true;
        }
        List<DayActivity> days = new ArrayList<>(calls.length);
        for (int i = 0; i < calls.length; i++) {
            days.add(new DayActivity(firstDay.plusDays(i), peak[i], peakAt[i], occupiedMillis[i], calls[i],
                    answered[i], refusals[i]));
        }
        return days;
    }

    /** Ends every call ending at or before {@code instant}, noting the midnights passed on the way. */
    private void endCallsUpTo(Instant instant) {
        while (!ends.isEmpty() && !ends.peek().isAfter(instant)) {
            Instant end = ends.peek();
            // midnights strictly before this end see the call still in progress
            crossMidnightsBefore(end);
            ends.poll();
        }
    }

    private void crossMidnightsBefore(Instant instant) {
        while (nextMidnight.isBefore(instant) && nextMidnight.isBefore(rangeEnd)) {
            recordPeak(nextMidnight, ends.size());
            nextMidnight = nextMidnight.plus(1, ChronoUnit.DAYS);
        }
    }

    private void crossMidnightsUpTo(Instant instant) {
        while (!nextMidnight.isAfter(instant) && nextMidnight.isBefore(rangeEnd)) {
            recordPeak(nextMidnight, ends.size());
            nextMidnight = nextMidnight.plus(1, ChronoUnit.DAYS);
        }
    }

    private void recordPeak(Instant at, int concurrent) {
        int day = dayIndex(at);
        if (day < 0 || day >= peak.length || concurrent <= peak[day]) {
            return;
        }
        peak[day] = concurrent;
        peakAt[day] = at;
    }

    private void addOccupiedTime(Instant start, Instant end) {
        Instant from = start.isBefore(rangeStart) ? rangeStart : start;
        Instant to = end.isAfter(rangeEnd) ? rangeEnd : end;
        while (from.isBefore(to)) {
            long epochDay = epochDayOf(from);
            Instant nextDay = Instant.ofEpochSecond((epochDay + 1) * SECONDS_PER_DAY);
            Instant until = to.isBefore(nextDay) ? to : nextDay;
            occupiedMillis[(int) (epochDay - firstEpochDay)] += ChronoUnit.MILLIS.between(from, until);
            from = until;
        }
    }

    private int dayIndex(Instant instant) {
        if (instant.isBefore(rangeStart)) {
            return -1;
        }
        return (int) (epochDayOf(instant) - firstEpochDay);
    }

    /** The UTC day of an instant as days after 1970-01-01 ({@code LocalDate.ofInstant(i, UTC).toEpochDay()}). */
    private static long epochDayOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
