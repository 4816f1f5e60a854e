// Vite resolves style imports; TypeScript only needs to know they exist.
declare module '*.css';
declare module '*?url' { const url: string; export default url; }
declare module '*?raw' { const text: string; export default text; }
