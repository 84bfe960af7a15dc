package com.trunkbill.report;

import com.trunkbill.usage.model.ChannelSizing;
import com.trunkbill.usage.model.DailyUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of one small SVG bar chart of {@code index.html}: a bar per day (the day's peak, red above
 * capacity) and a dashed step line for the day's channel count, in a 300 x 110 view box. The template draws it.
 */
record ChannelChart(String trunkId, ChannelSizing sizing, int maxValue, String firstDay, String lastDay,
                    List<Bar> bars, String capacityPoints) {

    static final int WIDTH = 300;
    static final int HEIGHT = 110;
    static final int LEFT = 26;
    static final int BOTTOM = 16;
    static final int TOP = 8;
    static final int PLOT_HEIGHT = HEIGHT - BOTTOM - TOP;

    /** One day's bar; {@code title} is the tooltip. */
    record Bar(String x, String y, String width, String height, String fill, String title) {
    }

    static ChannelChart of(String trunkId, List<DailyUsage> rows, ChannelSizing sizing) {
        int maxValue = 1;
        for (DailyUsage row : rows) {
            maxValue = Math.max(maxValue, Math.max(row.peakConcurrent(), row.channels()));
        }
        int daysInMonth = rows.get(0).date().lengthOfMonth();
        double slot = (double) (WIDTH - LEFT - 4) / daysInMonth;
        double scale = (double) PLOT_HEIGHT / maxValue;
        List<Bar> bars = new ArrayList<>();
        StringBuilder capacity = new StringBuilder();
        for (DailyUsage row : rows) {
            double x = LEFT + (row.date().getDayOfMonth() - 1) * slot;
            double barHeight = row.peakConcurrent() * scale;
            bars.add(new Bar(fmt(x + 0.5), fmt(TOP + PLOT_HEIGHT - barHeight), fmt(Math.max(1, slot - 1)),
                    fmt(barHeight), row.overCapacity() ? "#c62828" : "#2f6fb2",
                    row.date() + ": peak " + row.peakConcurrent() + " of " + row.channels() + " channels"
                            + (row.peakAt() == null ? "" : " at " + row.peakAt()) + ", " + row.calls()
                            + " calls, utilization " + row.utilization().toPlainString()));
            double y = TOP + PLOT_HEIGHT - row.channels() * scale;
            capacity.append(capacity.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y)).append(' ')
                    .append(fmt(x + slot)).append(',').append(fmt(y));
        }
        return new ChannelChart(trunkId, sizing, maxValue, rows.get(0).date().withDayOfMonth(1).toString(),
                rows.get(0).date().withDayOfMonth(daysInMonth).toString(), bars, capacity.toString());
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int axisY() {
        return TOP + PLOT_HEIGHT;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
