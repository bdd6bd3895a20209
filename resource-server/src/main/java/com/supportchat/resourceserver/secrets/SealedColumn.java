package com.supportchat.resourceserver.secrets;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * A text column holding secrets sealed by {@link SecretBox}, and the re-sealing every service runs at start-up:
 * values stored before encryption existed, or sealed under a master key that is no longer the primary, are
 * sealed anew under the primary. Each row is updated only if it still holds the value read (compare-and-set), so
 * two instances starting together, or a concurrent change by an admin, never lose a write.
 *
 * @param table the table (a constant of the service, never input)
 * @param idColumn its key column
 * @param valueColumn the sealed column
 * @param context the associated data for a row, from its id (e.g. {@code "ai_settings.api_key|" + orgId})
 */
public record SealedColumn(String table, String idColumn, String valueColumn, Function<String, String> context) {

    private static final Logger log = LoggerFactory.getLogger(SealedColumn.class);

    /** Seals anew every value not sealed under the primary master key; the number of rows changed. */
    public Mono<Long> rewrap(DatabaseClient db, SecretBox box) {
        String select = "SELECT " + idColumn + "::text AS id, " + valueColumn + " AS value FROM " + table + " WHERE "
                + valueColumn + " IS NOT NULL AND " + valueColumn + " <> '' AND " + valueColumn + " NOT LIKE :current";
        String update = "UPDATE " + table + " SET " + valueColumn + " = :sealed WHERE " + idColumn + "::text = :id AND "
                + valueColumn + " = :old";
        return db.sql(select)
                .bind("current", box.currentPrefix() + "%")
                .map((row, meta) -> new String[] { row.get("id", String.class), row.get("value", String.class) })
                .all()
                .concatMap(row -> {
                    String id = row[0];
                    String context = context().apply(id);
                    String sealed;
                    try {
                        sealed = box.seal(box.open(row[1], context), context);
                    } catch (IllegalStateException unreadable) {
                        // a master key missing from the list: this row stays as it is, the others go on
                        log.error("{}.{} of {} does not open and stays as it is: {}", table, valueColumn, id,
                                unreadable.getMessage());
                        return Mono.just(0L);
                    }
                    return db.sql(update).bind("sealed", sealed).bind("id", id).bind("old", row[1])
                            .fetch().rowsUpdated();
                })
                .reduce(0L, Long::sum)
                .doOnNext(rows -> {
                    if (rows > 0) {
                        log.info("Sealed {} value(s) of {}.{} under master key {}", rows, table, valueColumn,
                                Integer.toUnsignedString(box.primaryKeyId()));
                    }
                });
    }
}
