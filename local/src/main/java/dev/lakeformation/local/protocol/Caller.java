package dev.lakeformation.local.protocol;

/**
 * Who signed a request, as LakeFormation Local knows them: its own access key (an IAM user) or
 * temporary credentials it issued (an assumed role). STS GetCallerIdentity answers with this.
 *
 * @param accessKeyId the access key the request was signed with
 * @param arn the user's or the assumed role's ARN
 * @param userId the unique ID AWS gives the principal (with {@code :session} for an assumed role)
 * @param account the 12-digit account ID of the principal
 */
public record Caller(String accessKeyId, String arn, String userId, String account) {}
