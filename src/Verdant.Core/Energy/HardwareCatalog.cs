using System.Collections.Frozen;

namespace Verdant.Core.Energy;

/// <summary>The built-in hardware profiles (sources in docs/energy-model.md), looked up by name case-insensitively.</summary>
/// <remarks>
/// Sustained FLOP/s = datasheet dense peak x an assumed training utilization (40% for accelerators, after the 46-52% model
/// FLOP utilization of Narayanan et al. 2021 and Chowdhery et al. 2022, rounded down for smaller models). Busy power per
/// accelerator = 1.1 x TDP, calibrated on the 330 W per V100 (300 W TDP) of Patterson et al. 2021, Table 4, which
/// includes the host's share. Idle and wake figures are assumptions stated in docs/energy-model.md.
/// </remarks>
public static class HardwareCatalog
{
    private const double AcceleratorUtilization = 0.40;
    private const double BusyOverTdp = 1.1;

    private static readonly FrozenDictionary<string, HardwareProfile> Profiles = new HardwareProfile[]
    {
        new("cpu-server", SustainedFlops: 2 * 5.9e12 * 0.20, BusyPowerW: 600, IdlePowerW: 150, WakeEnergyJ: 120 * 200,
            Source: "2x Xeon Platinum 8380 (Intel ARK: 40 cores, 2.3 GHz, AVX-512 2 FMA, 270 W TDP each); "
                + "20% of FP32 peak assumed; busy/idle W from SPECpower_ssj2008 2-socket Ice Lake results; 120 s boot at 200 W")
        {
            BootS = 120,
        },
        Accelerator("gpu-v100", peakFlops: 125e12, tdpW: 300, idleW: 70, bootS: 180,
            "NVIDIA V100 SXM2 datasheet (125 TFLOP/s FP16 tensor, 300 W); Patterson et al. 2021 (330 W measured per GPU)"),
        Accelerator("gpu-a100", peakFlops: 312e12, tdpW: 400, idleW: 90, bootS: 180,
            "NVIDIA A100 SXM datasheet (312 TFLOP/s BF16 dense, 400 W); Luccioni et al. 2023 (BLOOM, A100 at 400 W TDP)"),
        Accelerator("gpu-h100", peakFlops: 989e12, tdpW: 700, idleW: 140, bootS: 180,
            "NVIDIA H100 SXM datasheet (989 TFLOP/s BF16 dense, up to 700 W)"),
        new("edge", SustainedFlops: 5.3e12 * 0.30, BusyPowerW: 50, IdlePowerW: 8, WakeEnergyJ: 30 * 15,
            Source: "NVIDIA Jetson AGX Orin 64GB datasheet (5.3 TFLOP/s FP32 CUDA, 15-60 W module); "
                + "30% of FP32 peak assumed; 50 W busy, 8 W idle, 30 s boot at 15 W")
        {
            BootS = 30,
        },
    }.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>All profiles by name.</summary>
    public static IReadOnlyDictionary<string, HardwareProfile> All => Profiles;

    /// <summary>Looks a profile up by name.</summary>
    public static bool TryGet(string name, out HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Profiles.TryGetValue(name, out profile!);
    }

    /// <summary>Looks a profile up by name; throws an <see cref="ArgumentException"/> listing the known names.</summary>
    public static HardwareProfile Get(string name)
    {
        if (TryGet(name, out HardwareProfile profile))
        {
            return profile;
        }

        throw new ArgumentException(
            $"Unknown hardware '{name}'. Known: {string.Join(", ", Profiles.Keys.Order(StringComparer.Ordinal))}.", nameof(name));
    }

    // Idle W includes the host's idle share; wake = boot time x idle W, the host being up but not training while booting.
    private static HardwareProfile Accelerator(string name, double peakFlops, double tdpW, double idleW, double bootS, string source)
        => new(name, peakFlops * AcceleratorUtilization, BusyOverTdp * tdpW, idleW, bootS * idleW,
            $"{source}; sustained = 40% of dense tensor peak (Narayanan et al. 2021, Chowdhery et al. 2022); "
            + $"busy = 1.1 x TDP; idle {idleW} W and {bootS} s boot assumed")
        {
            BootS = bootS,
        };
}
