package io.vigil.cli.security;

import io.vigil.cli.kafka.KafkaOptions;
import io.vigil.cli.kafka.KafkaRuntime;
import io.vigil.cli.kafka.TopicSetup;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "acls", mixinStandardHelpOptions = true,
        description = {"Kafka ACLs for Vigil's services (vigil-collect, vigil-streams, vigil-respond, vigil-report, vigil-operator), least privilege.",
                "Prints them as a kafka-acls.sh script (as shipped in deploy/kafka/acls.sh), or, with --apply, creates Vigil's topics",
                "and the ACLs as the user of --config (which must be allowed to create topics and alter ACLs)."})
public final class AclsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--apply", description = "Create the topics and the ACLs on the cluster of --bootstrap-servers instead of printing the script.")
    boolean apply;

    @Override
    public Integer call() throws Exception {
        if (!apply) {
            System.out.print(AclPlan.script());
            return 0;
        }
        if (kafka.bootstrapServers() == null) {
            throw new IllegalArgumentException("--apply needs --bootstrap-servers: the embedded broker has no ACLs");
        }
        try (KafkaRuntime runtime = KafkaRuntime.open(kafka); Admin admin = Admin.create(runtime.clientProps())) {
            TopicSetup.ensure(runtime.clientProps()); // under ACLs the services create no topics
            admin.createAcls(AclPlan.all()).all().get();
            System.out.printf("created %d ACL bindings%n", AclPlan.all().size());
            return 0;
        }
    }
}
