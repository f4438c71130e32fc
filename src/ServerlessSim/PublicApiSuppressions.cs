using System.Diagnostics.CodeAnalysis;

// RS0026 warns that two overloads with optional parameters can become ambiguous when a later version adds a
// parameter; these two differ in their first parameter's type (seconds or SimTime), so callers always bind to one.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ by time type (double seconds or SimTime).", Scope = "member", Target = "~M:ServerlessSim.Engine.Simulator.ScheduleAt(System.Double,System.Int32,System.Int32,System.Int32)")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ by time type (double seconds or SimTime).", Scope = "member", Target = "~M:ServerlessSim.Engine.Simulator.ScheduleAt(ServerlessSim.Engine.SimTime,System.Int32,System.Int32,System.Int32)")]

// The same reasoning for these types: each overload set differs in its first parameter's type (a scenario or an
// experiment definition; a list of functions or one; a directory or three file paths), so a call binds to one.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ by the first parameter's type.", Scope = "type", Target = "~T:ServerlessSim.Experiments.Experiment")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ by the first parameter's type.", Scope = "type", Target = "~T:ServerlessSim.Experiments.Scenario")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ by the first parameter's type.", Scope = "type", Target = "~T:ServerlessSim.Workload.Traces.Azure2019Trace")]
