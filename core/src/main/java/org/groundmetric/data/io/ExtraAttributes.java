package org.groundmetric.data.io;

import io.jhdf.api.WritableAttributeImpl;
import io.jhdf.api.WritableNode;
import io.jhdf.object.datatype.DataType;
import io.jhdf.storage.HdfBackingStorage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Attributes io.jhdf 0.13 cannot write on its own. First, an empty float64 array (anndata's
 * {@code column-order} of a table without columns; jhdf fails on empty arrays). Second, a
 * scalar boolean attribute in h5py's form: an HDF5 enum over int8 with members FALSE = 0 and
 * TRUE = 1, which h5py reads as {@code numpy.bool_}. io.jhdf 0.13 writes Java booleans as 8-bit
 * bitfields (read by h5py as uint8), and pandas refuses a uint8 for a categorical's
 * {@code ordered} flag; this supplies the enum datatype message to jhdf's attribute writer.
 */
final class ExtraAttributes {

    private ExtraAttributes() {
    }

    static void put(WritableNode node, String name, boolean value) {
        WritableAttributeImpl attribute = new WritableAttributeImpl(name, node, value) {
            @Override
            public DataType getDataType() {
                return BoolEnum.INSTANCE;
            }
        };
        node.getAttributes().put(name, attribute);
    }

    /** An attribute holding a float64 array of length 0, as h5py writes for an empty list. */
    static void putEmptyArray(WritableNode node, String name) {
        DataType float64 = DataType.fromObject(new double[] {0});
        DataType empty = new DataType(float64.getDataClass(), 8) {
            @Override
            public Class<?> getJavaType() {
                return double.class;
            }

            @Override
            public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage storage) {
                throw new UnsupportedOperationException("write-only datatype");
            }

            @Override
            public ByteBuffer toBuffer() {
                return float64.toBuffer();
            }

            @Override
            public ByteBuffer encodeData(Object data) {
                return ByteBuffer.allocate(0);
            }
        };
        io.jhdf.object.message.DataSpace space = io.jhdf.object.message.DataSpace.modifyDimensions(
                io.jhdf.object.message.DataSpace.fromObject(new double[] {0}), new int[] {0});
        WritableAttributeImpl attribute = new WritableAttributeImpl(name, node, new double[] {0}) {
            @Override
            public DataType getDataType() {
                return empty;
            }

            @Override
            public io.jhdf.object.message.DataSpace getDataSpace() {
                return space;
            }
        };
        node.getAttributes().put(name, attribute);
    }

    /** Datatype message class 8 (enumeration), version 1, two members, over a signed 8-bit integer. */
    private static final class BoolEnum extends DataType {
        static final BoolEnum INSTANCE = new BoolEnum();
        private static final int ENUM_CLASS = 8;

        private BoolEnum() {
            super(ENUM_CLASS, 1);
        }

        @Override
        public Class<?> getJavaType() {
            return boolean.class;
        }

        @Override
        public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage storage) {
            throw new UnsupportedOperationException("write-only datatype");
        }

        @Override
        public ByteBuffer toBuffer() {
            ByteBuffer b = ByteBuffer.allocate(38).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0x18).put((byte) 2).put((byte) 0).put((byte) 0).putInt(1); // v1 enum, 2 members, 1 byte
            b.put((byte) 0x10).put((byte) 0x08).put((byte) 0).put((byte) 0).putInt(1); // v1 fixed-point, signed
            b.putShort((short) 0).putShort((short) 8); // bit offset 0, precision 8
            b.put(padded("FALSE")).put(padded("TRUE"));
            b.put((byte) 0).put((byte) 1);
            return b.flip();
        }

        @Override
        public ByteBuffer encodeData(Object data) {
            return ByteBuffer.wrap(new byte[] {(byte) (Boolean.TRUE.equals(data) ? 1 : 0)});
        }

        /** Member names are null-terminated and padded to a multiple of eight bytes. */
        private static byte[] padded(String name) {
            byte[] out = new byte[(name.length() / 8 + 1) * 8];
            System.arraycopy(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, 0, name.length());
            return out;
        }
    }
}
