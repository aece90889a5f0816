package jp.nintei.it;

import jp.nintei.local.LocalAws;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code mvn verify -Plocalstack}: the same integration tests with DynamoDB, S3 and SES from LocalStack in a
 * container (Testcontainers). Needs a Docker engine that can pull images; this workplace has none.
 */
final class LocalStackContainerBackend {
    static final String IMAGE = "localstack/localstack:4.9";

    private LocalStackContainerBackend() {}

    static LocalAws.External start() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices("dynamodb", "s3", "ses");
        container.start();
        return new LocalAws.External(container.getEndpoint(), container.getEndpoint(), container.getEndpoint(),
                container::stop);
    }
}
