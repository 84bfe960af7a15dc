package com.trunkbill.report;

import org.jooq.DSLContext;

/** Lets tests of other packages (metrics, analyst queries) load {@link ReportScenario}. */
public final class ReportFixturesAccess {

    private ReportFixturesAccess() {
    }

    public static void octoberScenario(DSLContext db) {
        ReportScenario.october(new ReportFixtures(db));
    }
}
