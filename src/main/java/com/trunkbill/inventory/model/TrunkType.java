package com.trunkbill.inventory.model;

/** The trunk types (SPEC §3.1). */
public enum TrunkType {
    STATIC, REGISTERED, FRESHWORKS, GENESYS, CISCO_WEBEX, OPENAI_REALTIME, MS_OPERATOR_CONNECT
}
