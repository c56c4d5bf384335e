using Appliance.Engine.Metrics;

namespace Appliance.Engine.Tls.Acme;

/// <summary>This node's ACME work: orders placed, certificates left to another node's lease, answers looked up for another node's order.</summary>
internal sealed class AcmeMetrics(AcmeCounters acme) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        text.Single("appliance_acme_orders_total", "counter", "ACME orders this node placed (with several nodes, one node orders each certificate).", acme.OrdersPlaced);
        text.Single("appliance_acme_lease_held_elsewhere_total", "counter", "Due ACME certificates this node left alone because another node held their lease.", acme.LeasesHeldElsewhere);
        text.Single("appliance_acme_shared_answers_total", "counter", "ACME challenge answers this node served for another node's order, from its once-a-second copy of the published answers.", acme.SharedAnswersServed);
    }
}
