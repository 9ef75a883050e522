export declare class ElectronUnavailableError extends Error {
  constructor(message: string);
}
export declare function resolveElectron(): { binary: string; distDir: string; version: string };
export declare function distDirOf(binary: string): string;
export declare function pathFile(): string;
export declare function builderArgs(args: string[], distDir: string, platform?: string, arch?: string): string[];
