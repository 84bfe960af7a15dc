package com.trunkbill.report;

/**
 * The small hand-built October 2026 scenario of the report tests (31 days). Values expected from it are spelled
 * out in {@link ReportingJobFunctionalTests}.
 * <pre>
 * ACC-1 "Acme &lt;Logistics&gt; &amp; Co" (the name checks HTML escaping)
 *   TRK-A   STATIC      NEW_YORK  2 ch  METERED       all October
 *   TRK-F1  FRESHWORKS  NEW_YORK 10 ch  METERED       deleted 2026-10-18T12:00Z (exists Oct 1-18)
 *   TRK-F2  FRESHWORKS  NEW_YORK  5 ch  METERED       all October
 *   TRK-U   STATIC      NEW_YORK  3 ch  UNLIMITED_US  created 2026-10-20T09:30Z (exists Oct 20-31)
 * file 1 "cdrs-a.csv": read 10 = 6 accepted + 1 duplicate + 2 malformed + 1 unknown trunk
 *   a1 TRK-A Oct 1 23:30 -> Oct 2 00:45 answered (across midnight)           RATED 0.45
 *   a2 TRK-A Oct 1 23:40 -> 23:50 answered                                    RATED 0.10 TRUNK_INACTIVE,LONGER_THAN_24H
 *   a3 TRK-A Oct 1 23:50 -> 23:55 answered (starts when a2 ends)              RATED 0.05 TRUNK_INACTIVE
 *   a4 TRK-A Oct 1 23:55 503 CHANNEL_LIMIT refusal                            RATED 0
 *   a5 TRK-A Oct 2 10:00 zero-length, 487                                     RATED 0
 *   a6 TRK-A Oct 3 12:00 -> 12:10 answered                                    NO_RATE (an older run said RATED)
 * file 2 "/inbox/cdrs-b.csv": read 12 = 9 accepted + no_trunk 1 + account_mismatch 1 + duplicate_conflict 1
 *   a8..a10 TRK-A Oct 6 09:00-09:10, 09:01-09:11, 09:02-09:03: 3 calls on 2 channels   RATED 0.01 each
 *   f1, f2  Freshworks outbound (trunk TRK-F1) Oct 5 10:00-10:10, 10:05-10:20          RATED 0.02 each
 *   f3      TRK-F1 inbound Oct 5 10:06-10:07                                           RATED 0.02
 *   u1 TRK-U outbound US Oct 21 900 s answered, US_UNLIMITED billed 900 s            RATED 0
 *   u2 TRK-U outbound US Oct 21 3 s answered, US_UNLIMITED billed 6 s                RATED 0
 *   u3 TRK-U inbound Oct 22 600 s answered, ORIGINATION                              RATED 0.06
 * channel plans (STANDARD): UNLIMITED_US 25.00 / channel-month, fair use 10 min / channel, overage 0.0100
 * invoice INV-ACC-1-2026-10 DRAFT 100.00 + 8.88 = 108.88 USD: channel fees TRK-A 30.00, TRK-F2 70.00, two NY taxes
 * </pre>
 */
final class ReportScenario {

    private ReportScenario() {
    }

    static void october(ReportFixtures f) {
        f.account("ACC-1", "Acme <Logistics> & Co");
        f.trunk("TRK-A").channels(2).name("Main NY").insert();
        f.trunk("TRK-F1").freshworks().channels(10).deletedAt("2026-10-18T12:00:00Z").insert();
        f.trunk("TRK-F2").freshworks().channels(5).createdAt("2026-05-10T15:45:00Z").insert();
        f.trunk("TRK-U").channels(3).unlimitedUs().name("Unlimited NY").createdAt("2026-10-20T09:30:00Z").insert();
        f.channelPlan("STANDARD", "METERED", "15.00", null, null);
        f.channelPlan("STANDARD", "UNLIMITED_US", "25.00", "10", "0.0100");

        long file1 = f.file("cdrs-a.csv", "2026-10-10T01:00:00Z", 10, 6, 1, 1, 0, 0, 0, 2);
        long file2 = f.file("/inbox/cdrs-b.csv", "2026-10-25T01:00:00Z", 12, 9, 0, 0, 1, 1, 1, 0);
        f.cdr("a1").file(file1).trunk("TRK-A").answered("2026-10-01T23:30:00Z", "2026-10-02T00:45:00Z").insert();
        f.cdr("a2").file(file1).trunk("TRK-A").answered("2026-10-01T23:40:00Z", "2026-10-01T23:50:00Z").insert();
        f.cdr("a3").file(file1).trunk("TRK-A").answered("2026-10-01T23:50:00Z", "2026-10-01T23:55:00Z").insert();
        f.cdr("a4").file(file1).trunk("TRK-A").channelLimitRefusal("2026-10-01T23:55:00Z").insert();
        f.cdr("a5").file(file1).trunk("TRK-A").unanswered("2026-10-02T10:00:00Z", "2026-10-02T10:00:00Z", 487)
                .insert();
        f.cdr("a6").file(file1).trunk("TRK-A").callee("+3225550100")
                .answered("2026-10-03T12:00:00Z", "2026-10-03T12:10:00Z").insert();
        f.cdr("a8").file(file2).trunk("TRK-A").answered("2026-10-06T09:00:00Z", "2026-10-06T09:10:00Z").insert();
        f.cdr("a9").file(file2).trunk("TRK-A").answered("2026-10-06T09:01:00Z", "2026-10-06T09:11:00Z").insert();
        f.cdr("a10").file(file2).trunk("TRK-A").answered("2026-10-06T09:02:00Z", "2026-10-06T09:03:00Z").insert();
        f.cdr("f1").file(file2).trunk("TRK-F1").freshworksOutbound()
                .answered("2026-10-05T10:00:00Z", "2026-10-05T10:10:00Z").insert();
        f.cdr("f2").file(file2).trunk("TRK-F1").freshworksOutbound()
                .answered("2026-10-05T10:05:00Z", "2026-10-05T10:20:00Z").insert();
        f.cdr("f3").file(file2).trunk("TRK-F1").inbound()
                .answered("2026-10-05T10:06:00Z", "2026-10-05T10:07:00Z").insert();
        f.cdr("u1").file(file2).trunk("TRK-U").answered("2026-10-21T08:00:00Z", "2026-10-21T08:15:00Z").insert();
        f.cdr("u2").file(file2).trunk("TRK-U").answered("2026-10-21T09:00:00Z", "2026-10-21T09:00:03Z").insert();
        f.cdr("u3").file(file2).trunk("TRK-U").inbound()
                .answered("2026-10-22T09:00:00Z", "2026-10-22T09:10:00Z").insert();

        long oldRun = f.ratingRun();
        long run = f.ratingRun();
        f.rated("a1", oldRun, false, "NO_RATE", null, null, 4500, 0, "0", null);
        f.rated("a1", run, true, "RATED", "TERMINATION", "United States - New York", 4500, 4500, "0.4500000000", null);
        f.rated("a2", run, true, "RATED", "TERMINATION", "United States - New York", 600, 600, "0.1000000000",
                "TRUNK_INACTIVE,LONGER_THAN_24H");
        f.rated("a3", run, true, "RATED", "TERMINATION", "United States - New York", 300, 300, "0.0500000000",
                "TRUNK_INACTIVE");
        f.rated("a4", run, true, "RATED", "TERMINATION", "United States - New York", 0, 0, "0", null);
        f.rated("a5", run, true, "RATED", "TERMINATION", "United States - New York", 0, 0, "0", null);
        f.rated("a6", oldRun, false, "RATED", "TERMINATION", "Belgium", 600, 600, "0.9000000000", null);
        f.rated("a6", run, true, "NO_RATE", null, null, 600, 0, "0", null);
        for (String id : new String[] {"a8", "a9", "a10"}) {
            f.rated(id, run, true, "RATED", "TERMINATION", "United States - New York", 60, 60, "0.0100000000",
                    null);
        }
        for (String id : new String[] {"f1", "f2", "f3"}) {
            f.rated(id, run, true, "RATED", "TERMINATION", "United States", 60, 60, "0.0200000000", null);
        }
        f.rated("u1", run, true, "RATED", "US_UNLIMITED", "United States - New York", 900, 900, "0", null);
        f.rated("u2", run, true, "RATED", "US_UNLIMITED", "United States - New York", 3, 6, "0", null);
        f.rated("u3", run, true, "RATED", "ORIGINATION", "United States - New York", 600, 600, "0.0600000000",
                null);

        f.invoice("INV-ACC-1-2026-10", "ACC-1", "2026-10", "DRAFT", "100.0000", "8.8800", "108.8800");
        f.trunkLine("INV-ACC-1-2026-10", 1, "CHANNEL_FEE", "TRK-A", "30.0000");
        f.trunkLine("INV-ACC-1-2026-10", 2, "CHANNEL_FEE", "TRK-F2", "70.0000");
        f.taxLine("INV-ACC-1-2026-10", 3, "US-NY-SALES", "US-NY-New York-New York", "100.0000", "4.0000");
        f.taxLine("INV-ACC-1-2026-10", 4, "US-NY-NYC-LOCAL", "US-NY-New York-New York", "100.0000", "4.8800");
    }
}
