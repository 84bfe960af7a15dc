package com.trunkbill.rating;

import com.trunkbill.rating.model.AccountPartition;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits a rating run into {@code gridSize} partitions by a hash of account_id ({@link AccountPartition}):
 * {@code partition0} .. {@code partitionK-1}, each context naming its index and the count. The contexts are
 * stored with the partitions' step executions, so a restart runs the failed ones with the same split.
 */
public class AccountPartitioner implements Partitioner {

    static final String INDEX_KEY = "rating.partition";
    static final String COUNT_KEY = "rating.partitions";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int index = 0; index < gridSize; index++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(INDEX_KEY, index);
            context.putInt(COUNT_KEY, gridSize);
            partitions.put("partition" + index, context);
        }
        return partitions;
    }
}
