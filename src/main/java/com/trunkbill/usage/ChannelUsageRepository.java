package com.trunkbill.usage;

import com.trunkbill.db.BinaryCopyReader;
import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.rating.RatedUsage;
import com.trunkbill.rating.model.RatingStatus;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.usage.model.ChannelOccupancy;
import com.trunkbill.usage.model.DailyUsage;
import com.trunkbill.usage.model.DayActivity;
import com.trunkbill.usage.model.UsageCall;
import com.trunkbill.usage.model.UsageRow;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.TRUNK;

/**
 * Computes the channel-usage rows of a period (SPEC §6, §7, §9) from the database.
 * <p>
 * Accepted CDRs are the rows of {@code cdr} (import-time rejects and duplicates never reach it) whose current
 * rating is not {@code NO_RATE} ({@link RatedUsage#currentRatingIsNot}): SPEC §7 counts NO_RATE among the
 * rejected. CDRs not rated yet count as accepted. They are streamed from the database ordered by start time, each
 * to the {@link ChannelOccupancy} of its row key (trunk, or Freshworks group for Freshworks outbound CDRs), one per
 * key, all open at once: memory holds the calls in progress of every key and each key's days, never the month. A
 * sort by start time alone is cheaper for the database than one by row key and start time (at 10M CDRs on
 * PostgreSQL the query took 8.0-8.1 s instead of 13.1-14.0 s: the sort compares one 8-byte value, where the row
 * keys, all alike and mostly equal, fell through to a comparison of text). CDRs of the previous period are read too
 * when they run into this one (a call across midnight of the 1st occupies the 1st).
 * <p>
 * On PostgreSQL the stream is a binary {@code COPY} of the query ({@link BinaryCopyReader}), which the server runs
 * with parallel workers, where a JDBC cursor would run the scan, the join and the sort of the month in one process;
 * on H2 it is a jOOQ cursor. Both feed the same sweep.
 */
@Repository
public class ChannelUsageRepository {

    private static final Logger log = LoggerFactory.getLogger(ChannelUsageRepository.class);
    private static final int FETCH_SIZE = 5_000;

    private final DSLContext db;
    private final InventoryRepository inventory;

    public ChannelUsageRepository(DSLContext db, InventoryRepository inventory) {
        this.db = db;
        this.inventory = inventory;
    }

    /** The channel usage of a period with what was left out. */
    public record PeriodUsage(List<DailyUsage> rows, long callsOnDaysWithoutTrunk) {
    }

    /** Every row of {@code channel-usage.csv} of the period, ordered by date then trunk id. */
    public PeriodUsage usage(BillingPeriod period) {
        List<UsageRow> usageRows = UsageRow.rowsOf(inventory.trunkTimelines().values());
        Map<String, List<DayActivity>> activity = activityByRow(period);
        List<DailyUsage> rows = new ArrayList<>();
        long lost = 0;
        for (UsageRow row : usageRows) {
            List<DayActivity> days = activity.remove(row.rowId());
            for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
                DayActivity dayActivity = days == null ? DayActivity.idle(day)
                        : days.get(day.getDayOfMonth() - 1);
                Optional<Integer> channels = row.channelsOn(day);
                if (channels.isPresent()) {
                    rows.add(DailyUsage.of(row.rowId(), channels.get(), dayActivity));
                } else {
                    lost += dayActivity.calls();
                }
            }
        }
        for (List<DayActivity> unknown : activity.values()) {
            lost += unknown.stream().mapToLong(DayActivity::calls).sum();
        }
        if (lost > 0) {
            log.warn("channel usage {}: {} CDRs start on days when their trunk did not exist; they have no row",
                    period, lost);
        }
        rows.sort(Comparator.comparing(DailyUsage::date).thenComparing(DailyUsage::trunkId));
        return new PeriodUsage(rows, lost);
    }

    private Map<String, List<DayActivity>> activityByRow(BillingPeriod period) {
        Field<String> rowKey = DSL.when(CDR.FRESHWORKS_OUTBOUND.isTrue(),
                        // UsageRow.freshworksGroupId in SQL: each call goes to its row's occupancy
                        DSL.concat(DSL.inline("FRESHWORKS:"), TRUNK.ACCOUNT_ID, DSL.inline(":"), TRUNK.DATA_CENTER))
                .otherwise(CDR.TRUNK_ID);
        var query = db
                .select(rowKey.as("row_key"), CDR.START_TIME, CDR.END_TIME, CDR.ANSWER_TIME, CDR.SIP_STATUS, CDR.DISCONNECT_REASON)
                .from(CDR.join(TRUNK).on(TRUNK.TRUNK_ID.eq(CDR.TRUNK_ID)))
                .where(CDR.PERIOD.in(period.toString(), period.previous().toString()))
                .and(CDR.START_TIME.lt(period.end()))
                .and(CDR.PERIOD.eq(period.toString()).or(CDR.END_TIME.gt(period.start())))
                .and(RatedUsage.currentRatingIsNot(CDR.CDR_KEY, RatingStatus.NO_RATE))
                .orderBy(CDR.START_TIME);
        Sweep sweep = new Sweep(period);
        if (db.connectionResult(BinaryCopyReader::supports)) {
            db.connection(connection -> {
                try (BinaryCopyReader rows = BinaryCopyReader.open(connection, db.renderInlined(query),
                        query.getSelect().size())) {
                    while (rows.next()) {
                        sweep.add(rows.text(0), UsageCall.of(rows.instant(1), rows.instant(2), rows.instant(3),
                                rows.int4(4), rows.text(5)));
                    }
                }
            });
        } else {
            try (Cursor<Record6<String, Instant, Instant, Instant, Integer, String>> cursor =
                         query.fetchSize(FETCH_SIZE).fetchLazy()) {
                while (cursor.hasNext()) {
                    Record6<String, Instant, Instant, Instant, Integer, String> cdr = cursor.fetchNext();
                    sweep.add(cdr.value1(), UsageCall.of(cdr.value2(), cdr.value3(), cdr.value4(), cdr.value5(),
                            cdr.value6()));
                }
            }
        }
        return sweep.finish();
    }

    /** The stream of calls in start order, each through the {@link ChannelOccupancy} of its row key. */
    private static final class Sweep {

        private final BillingPeriod period;
        private final Map<String, ChannelOccupancy> occupancies = new HashMap<>();

        Sweep(BillingPeriod period) {
            this.period = period;
        }

        void add(String key, UsageCall call) {
            ChannelOccupancy occupancy = occupancies.get(key);
            if (occupancy == null) {
                occupancy = new ChannelOccupancy(period.firstDay(), period.lastDay());
                occupancies.put(key, occupancy);
            }
            occupancy.add(call);
        }

        Map<String, List<DayActivity>> finish() {
            Map<String, List<DayActivity>> activity = new HashMap<>();
            occupancies.forEach((key, occupancy) -> activity.put(key, occupancy.finish()));
            return activity;
        }
    }
}

