package dev.lakeformation.jdbc.systemtable;

import dev.lakeformation.jdbc.aws.AwsClients;
import dev.lakeformation.jdbc.fetch.Cancellation;
import dev.lakeformation.jdbc.fetch.FetchSettings;
import dev.lakeformation.jdbc.fetch.RetryPolicy;

/**
 * What a system table needs to answer one query: the connection's clients and settings, and the
 * statement's retry budget and cancellation.
 *
 * @param workGroup the Athena workgroup whose executions are listed (null: Athena's default)
 */
public record SystemTableContext(AwsClients aws, FetchSettings fetchSettings, String workGroup, RetryPolicy retry,
    Cancellation cancellation) {}
