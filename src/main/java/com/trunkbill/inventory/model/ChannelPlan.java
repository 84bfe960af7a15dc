package com.trunkbill.inventory.model;

/** The channel plan of a trunk (SPEC §3.1, §4.3). */
public enum ChannelPlan {
    METERED, UNLIMITED_US
}
