import Foundation
import PackagePlugin

/// Embeds every `Questionnaires/*.yaml` file into the `GripBundled` target, so the
/// bundled instruments travel inside the binary instead of beside it; and every workshop
/// case, `Questionnaires/cases/*.yaml`, the same way.
@main
struct EmbedQuestionnaires: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appending(path: "Questionnaires")
        let inputs = try FileManager.default
            .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedQuestionnaires.swift")
        // A missing cases folder gives an empty library, not a failed build.
        let cases = ((try? FileManager.default.contentsOfDirectory(at: directory.appending(path: "cases"), includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let casesOutput = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCases.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) bundled questionnaires",
                executable: try context.tool(named: "GripEmbedTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
            .buildCommand(
                displayName: "Embedding \(cases.count) workshop cases",
                executable: try context.tool(named: "GripEmbedTool").url,
                arguments: ["--cases", casesOutput.path] + cases.map(\.path),
                inputFiles: cases,
                outputFiles: [casesOutput]
            ),
        ]
    }
}
