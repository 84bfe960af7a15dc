package com.trunkbill.inventory.model;

/** The the ten data centers (SPEC §3.1). */
public enum DataCenter {
    FRANKFURT, BOGOTA, NEW_YORK, PORTLAND, SAO_POLO, SINGAPORE, JOHANNESBURG, MOSCOW, ISTANBUL, KUALA_LUMPUR
}
