using System.Diagnostics.CodeAnalysis;

// RS0026 warns that two overloads with optional parameters can become ambiguous when a later version adds a
// parameter; these two differ in their first parameter's type (seconds or SimTime), so callers always bind to one.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ by time type (double seconds or SimTime).", Scope = "member", Target = "~M:ServerlessSim.Engine.Simulator.ScheduleAt(System.Double,System.Int32,System.Int32,System.Int32)")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Overloads differ by time type (double seconds or SimTime).", Scope = "member", Target = "~M:ServerlessSim.Engine.Simulator.ScheduleAt(ServerlessSim.Engine.SimTime,System.Int32,System.Int32,System.Int32)")]
