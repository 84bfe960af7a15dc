package com.trunkbill.cli;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line reason for a failure to start or run, the one place that turns a cause chain into words an
 * operator can act on. A rule looks at the chain and the database URL; add one to {@link #RULES} for a new case.
 * The database password never appears in the result.
 */
final class StartupFailures {

    /** A rule: the explanation of {@code failure}, or null when the rule does not apply. */
    interface Rule {
        String explain(List<Throwable> chain, String rootMessage, String databaseUrl);
    }

    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://([^/?]*)(?:/([^?]*))?.*");
    private static final Pattern H2_SERVER = Pattern.compile("jdbc:h2:(?:tcp|ssl)://([^/]*)/([^;]*).*");

    static final String POSTGRES_OWNER_HINT = "on PostgreSQL 15+ the database must belong to the user trunkbill "
            + "connects as: createuser trunkbill; createdb -O trunkbill trunkbill";

    private static final List<Rule> RULES = List.of(
            StartupFailures::lockedEmbeddedDatabase,
            StartupFailures::damagedEmbeddedDatabase,
            StartupFailures::noSchemaPrivilege,
            StartupFailures::connectionFailure,
            StartupFailures::brokenConnection,
            StartupFailures::noAnswer);

    private StartupFailures() {
    }

    static String explain(Throwable failure, String databaseUrl, String password) {
        List<Throwable> chain = chain(failure);
        String root = message(chain.get(chain.size() - 1));
        String explained = RULES.stream().map(rule -> rule.explain(chain, root, databaseUrl))
                .filter(text -> text != null).findFirst().orElse(root);
        return mask(explained, password);
    }

    private static String lockedEmbeddedDatabase(List<Throwable> chain, String root, String url) {
        if (root.startsWith("The file is locked") || root.contains("Database may be already in use")) {
            return "the embedded database is in use by another trunkbill process (is a job running?): " + root;
        }
        return null;
    }

    private static String damagedEmbeddedDatabase(List<Throwable> chain, String root, String url) {
        if (root.contains("File corrupted") || chain.stream().anyMatch(
                cause -> cause.getClass().getSimpleName().equals("MVStoreException"))) {
            return "the embedded database file is damaged; restore the last backup (docs/reliability.md): " + root;
        }
        return null;
    }

    /** A database that went away while a job ran (H2 server closed, PostgreSQL stopped) without an SQL state. */
    private static String brokenConnection(List<Throwable> chain, String root, String url) {
        if (root.contains("Connection is broken") || root.contains("Connection refused")
                || root.contains("Connection to ") && root.contains("refused")) {
            return "cannot reach " + target(url) + " (is it running? was it stopped?): " + root;
        }
        return null;
    }

    private static String noAnswer(List<Throwable> chain, String root, String url) {
        if (chain.stream().anyMatch(SQLException.class::isInstance) && root.contains("timed out")) {
            return target(url) + " did not answer in time: " + root;
        }
        return null;
    }

    private static String noSchemaPrivilege(List<Throwable> chain, String root, String url) {
        if (root.toLowerCase(Locale.ROOT).contains("permission denied for schema public")) {
            return "cannot create the tables in " + target(url) + ": " + root + " (" + POSTGRES_OWNER_HINT + ")";
        }
        return null;
    }

    private static String connectionFailure(List<Throwable> chain, String root, String url) {
        for (Throwable cause : chain) {
            boolean network = cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException;
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState()) || network) {
                String reason = network && cause instanceof UnknownHostException
                        ? "unknown host " + message(cause) : message(cause);
                return "cannot connect to " + target(url) + ": " + reason;
            }
        }
        return null;
    }

    /** SQL states 08 (connection exception), 28 (invalid authorization), 3D000 (no such database). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }

    /** What a JDBC URL points at, in words, without its parameters (which may carry credentials). */
    static String target(String url) {
        if (url == null) {
            return "the database";
        }
        Matcher postgres = POSTGRES.matcher(url);
        if (postgres.matches()) {
            String host = postgres.group(1).isEmpty() ? "localhost" : postgres.group(1);
            String hostPort = host.contains(":") ? host : host + ":5432";
            String database = postgres.group(2) == null || postgres.group(2).isEmpty() ? "(default)" : postgres.group(2);
            return "PostgreSQL database " + database + " on " + hostPort;
        }
        Matcher h2Server = H2_SERVER.matcher(url);
        if (h2Server.matches()) {
            return "H2 database " + h2Server.group(2) + " on " + h2Server.group(1);
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            return "in-memory H2 database " + strip(url.substring("jdbc:h2:mem:".length()));
        }
        if (url.startsWith("jdbc:h2:")) {
            String path = strip(url.substring("jdbc:h2:".length()));
            return "H2 database file " + (path.startsWith("file:") ? path.substring(5) : path);
        }
        return strip(url);
    }

    private static String strip(String text) {
        int end = text.length();
        for (char separator : new char[] {';', '?'}) {
            int index = text.indexOf(separator);
            if (index >= 0) {
                end = Math.min(end, index);
            }
        }
        return text.substring(0, end);
    }

    private static String mask(String text, String password) {
        return password == null || password.isEmpty() ? text : text.replace(password, "****");
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    static String message(Throwable throwable) {
        String message = throwable.getMessage() == null ? throwable.getClass().getSimpleName() : throwable.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
