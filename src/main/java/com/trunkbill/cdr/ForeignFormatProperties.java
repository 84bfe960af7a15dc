package com.trunkbill.cdr;

import com.trunkbill.cdr.model.AsteriskCdrMapping;
import com.trunkbill.cdr.model.ForeignCdrMapping;
import com.trunkbill.cdr.model.ForeignFormatSettings;
import com.trunkbill.cdr.model.FreeswitchCdrMapping;
import com.trunkbill.inventory.model.DataCenter;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/**
 * The deployment-specific part of the Asterisk and FreeSWITCH mappings, from properties
 * {@code trunkbill.cdr.<asterisk|freeswitch>.<trunk-column|inbound-contexts|time-zone|data-center|source>}
 * (defaults in the notes and below). Read when a job starts, so a changed property needs no rebuild.
 */
@Component
public class ForeignFormatProperties {

    private final Environment environment;

    public ForeignFormatProperties(Environment environment) {
        this.environment = environment;
    }

    /** The mapping for a headerless format; null for canonical files. */
    public ForeignCdrMapping mapping(CdrFormat format) {
        return switch (format) {
            case CANONICAL -> null;
            case ASTERISK -> new AsteriskCdrMapping(settings("asterisk", "from-trunk,from-pstn,from-external,inbound,public",
                    "ASTERISK"));
            case FREESWITCH -> new FreeswitchCdrMapping(settings("freeswitch", "public,inbound,from-trunk",
                    "FREESWITCH"));
        };
    }

    private ForeignFormatSettings settings(String format, String defaultInbound, String defaultSource) {
        String prefix = "trunkbill.cdr." + format + ".";
        String dataCenter = environment.getProperty(prefix + "data-center", "").trim();
        return new ForeignFormatSettings(
                environment.getProperty(prefix + "trunk-column", "accountcode").trim().toLowerCase(Locale.ROOT),
                Arrays.asList(environment.getProperty(prefix + "inbound-contexts", defaultInbound).split(",")),
                ZoneId.of(environment.getProperty(prefix + "time-zone", "UTC").trim()),
                dataCenter.isEmpty() ? null : DataCenter.valueOf(dataCenter.toUpperCase(Locale.ROOT)),
                environment.getProperty(prefix + "source", defaultSource).trim());
    }
}
