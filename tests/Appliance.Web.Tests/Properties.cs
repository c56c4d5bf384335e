// Functional tests start real servers and measure distributions; running classes one at a time
// keeps a 2-core machine from skewing them. The other test assemblies still run alongside.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
