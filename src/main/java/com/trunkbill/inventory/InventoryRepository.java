package com.trunkbill.inventory;

import com.trunkbill.db.jooq.tables.records.TrunkRecord;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.inventory.model.BillingAddress;
import com.trunkbill.inventory.model.TrunkState;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.SERVICE_ADDRESS;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;

/**
 * Reads the stored inventory as domain objects. Everything is loaded in one query per table: an operator
 * has at most ten trunks per account, so the whole inventory fits in memory even for a large customer base.
 */
@Repository
public class InventoryRepository {

    private final DSLContext db;

    public InventoryRepository(DSLContext db) {
        this.db = db;
    }

    public Map<String, Account> accounts() {
        Map<String, Account> accounts = new LinkedHashMap<>();
        db.selectFrom(ACCOUNT).orderBy(ACCOUNT.ACCOUNT_ID).forEach(r -> accounts.put(r.getAccountId(),
                new Account(r.getAccountId(), r.getName(), r.getCurrency(), r.getCountry(), r.getPriceList(),
                        r.getVatId(), new BillingAddress(r.getBillingStreet(), r.getBillingCity(),
                                r.getBillingPostalCode(), r.getBillingState()))));
        return accounts;
    }

    public Map<String, ServiceAddress> serviceAddresses() {
        Map<String, ServiceAddress> addresses = new LinkedHashMap<>();
        db.selectFrom(SERVICE_ADDRESS).orderBy(SERVICE_ADDRESS.ADDRESS_ID).forEach(r -> addresses.put(
                r.getAddressId(), new ServiceAddress(r.getAddressId(), r.getAccountId(), r.getStreet(),
                        r.getCity(), r.getCounty(), r.getState(), r.getPostalCode(), r.getCountry())));
        return addresses;
    }

    /** Every stored trunk with its history, by trunk id (ordered by id). */
    public Map<String, TrunkTimeline> trunkTimelines() {
        Map<String, List<TrunkState>> states = new HashMap<>();
        db.selectFrom(TRUNK_STATE).orderBy(TRUNK_STATE.TRUNK_ID, TRUNK_STATE.EFFECTIVE_FROM).forEach(r ->
                states.computeIfAbsent(r.getTrunkId(), id -> new ArrayList<>()).add(new TrunkState(
                        r.getEffectiveFrom(), r.getChannels(), ChannelPlan.valueOf(r.getChannelPlan()),
                        AdminStatus.valueOf(r.getAdminStatus()), ActionStatus.valueOf(r.getActionStatus()))));
        Map<String, TrunkTimeline> timelines = new LinkedHashMap<>();
        for (TrunkRecord r : db.selectFrom(TRUNK).orderBy(TRUNK.TRUNK_ID).fetch()) {
            List<TrunkState> history = states.get(r.getTrunkId());
            if (history == null) {
                throw new IllegalStateException("trunk " + r.getTrunkId() + " has no state in trunk_state");
            }
            timelines.put(r.getTrunkId(), new TrunkTimeline(r.getTrunkId(), r.getAccountId(), r.getName(),
                    TrunkType.valueOf(r.getTrunkType()), DataCenter.valueOf(r.getDataCenter()),
                    r.getServiceAddressId(), r.getCreatedAt(), r.getDeletedAt(), r.getMissingPpu(), history));
        }
        return timelines;
    }
}
